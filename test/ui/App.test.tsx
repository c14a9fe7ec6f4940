import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.tsx';
import { founding } from '../helpers.ts';

const scenario = founding().scenario;

describe('the first screen', () => {
  it("shows the founding scenario's title, summary and every lever", () => {
    render(<App scenario={scenario} lang="en" />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Belarus: political prisoners as bargaining chips' }),
    ).toBeTruthy();
    const list = screen.getByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')!.textContent)).toEqual(scenario.levers.map((l) => l.label.en));
    expect(within(items[4]!).getByText('from 0 to 20 relief points; default 0 relief points')).toBeTruthy();
    expect(screen.getByText(/A teaching model, not a forecast/)).toBeTruthy();
  });

  it('shows Arabic right to left', () => {
    const { container } = render(<App scenario={scenario} lang="ar" />);
    expect(container.firstElementChild!.getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(scenario.title.ar);
    expect(screen.getByRole('heading', { level: 2, name: 'أدوات الضغط' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'English' }).getAttribute('href')).toBe(
      '?scenario=belarus-prisoners&lang=en',
    );
  });

  it('says so when there is no scenario instead of failing', () => {
    render(<App scenario={undefined} lang="en" />);
    expect(screen.getByRole('alert').textContent).toBe('No scenario is available.');
  });
});
