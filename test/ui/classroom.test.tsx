import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { founding } from '../helpers.ts';
import { renderApp } from './render.tsx';

const { scenario } = founding();
const step = (n: number) => scenario.story[n - 1]!;
const slider = (name: string) => screen.getByRole('slider', { name }) as HTMLInputElement;

describe('the story', () => {
  it('starts from the header, goes step by step with its settings, and can be left', async () => {
    const user = userEvent.setup();
    const { store } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Start the story' }));
    expect(await screen.findByRole('heading', { level: 2, name: step(1).title.en })).toBeTruthy();
    expect(screen.getByText(/Step 1 of 8/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(store.getState().step).toBe(2);
    expect(screen.getByRole('heading', { level: 2, name: step(2).title.en })).toBeTruthy();
    expect(slider('US sanctions relief on offer').value).toBe('1');
    await user.click(screen.getByRole('button', { name: 'Leave the story' }));
    expect(store.getState().step).toBe(0);
    expect(screen.queryByText(/Step \d of 8/)).toBeNull();
    // Leaving keeps the settings.
    expect(slider('US sanctions relief on offer').value).toBe('1');
  });

  it('hides the outcome a question is about until Reveal, then sets the guess against the model', async () => {
    const user = userEvent.setup();
    renderApp('?step=1');
    const card = () => document.querySelector('[data-outcome="prisonersHeld"]') as HTMLElement;
    expect(card().className).toContain('concealed');
    expect(card().textContent).toContain('?');
    expect(card().getAttribute('data-value')).toBeNull();
    const chart = screen.queryByRole('img', { name: /^Political prisoners held, / });
    expect(chart).toBeNull();
    expect(screen.getAllByText('Hidden until the answer is revealed').length).toBeGreaterThan(1);
    await user.type(await screen.findByRole('spinbutton', { name: /people$/ }), '1000');
    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    const answer = document.querySelector('.story-answer')!.textContent!;
    expect(answer).toMatch(/^The model: 1,205 people \(likely [\d,]+ to [\d,]+\)\./);
    expect(answer).toContain('Your guess, 1,000, is outside the likely range.');
    expect(card().className).not.toContain('concealed');
    const shown = screen.getByRole('img', { name: /^Political prisoners held, / });
    // The chart marks the answer on its line and the guess, lower down for a smaller number.
    const mark = shown.querySelector('.answer-mark')!;
    expect(mark.textContent).toBe('your guess');
    const y = (selector: string) => Number(mark.querySelector(selector)!.getAttribute('cy'));
    expect(y('.guess-dot')).toBeGreaterThan(y('.answer-dot'));
  });

  it('marks no guess on the chart when none was made, only the answer', async () => {
    const user = userEvent.setup();
    renderApp('?step=1');
    await user.click(await screen.findByRole('button', { name: 'Reveal' }));
    const shown = screen.getByRole('img', { name: /^Political prisoners held, / });
    expect(shown.querySelector('.answer-dot')).not.toBeNull();
    expect(shown.querySelector('.guess-dot')).toBeNull();
  });

  it('says whether a chosen answer was right', async () => {
    const user = userEvent.setup();
    renderApp('?step=3');
    const q = step(3).question!;
    if (q.kind !== 'choice') throw new Error('step 3 asks a choice');
    await user.click(await screen.findByRole('radio', { name: q.choices[0]!.text.en }));
    fireEvent.keyDown(document.body, { key: 'r' });
    const answer = await screen.findByText(/^The model’s answer: /);
    expect(answer.textContent).toContain(q.choices[1]!.text.en);
    expect(document.querySelector('.story-answer')!.textContent).toContain(`You chose “${q.choices[0]!.text.en}”.`);
  });

  it('reads the card of a step that asks about a month at that month, so its number is the answer', async () => {
    renderApp('?step=3&view=present');
    const reveal = await screen.findByRole('button', { name: 'Reveal' });
    fireEvent.click(reveal);
    const answer = (await screen.findByText(/^The model’s answer: /)).textContent!;
    const given = /it gives ([\d,]+) people in (\w+) (\d{4})/.exec(answer)!;
    const card = document.querySelector(`article.card[data-outcome="${step(3).highlight}"]`)!;
    expect(card.querySelector('.number')!.textContent).toBe(given[1]);
    expect(card.querySelector('.card-summary')!.textContent).toBe(`in ${given[2]!.slice(0, 3)} ${given[3]}`);
    // Outside the story the presentation shows the headline outcomes, which this one is not.
    fireEvent.click(screen.getByRole('button', { name: 'Leave the story' }));
    await waitFor(() => expect(document.querySelector(`article.card[data-outcome="${step(3).highlight}"]`)).toBeNull());
  });

  it('marks a lever moved away from the step, and goes back to the step’s settings', async () => {
    const user = userEvent.setup();
    const { store } = renderApp('?step=8');
    fireEvent.change(slider('US sanctions relief on offer'), { target: { value: '12' } });
    const lever = document.querySelector('[data-lever="usRelief"]') as HTMLElement;
    expect(lever.textContent).toContain('changed from the story');
    await user.click(await screen.findByRole('button', { name: 'Back to the step’s settings' }));
    expect(store.getState().levers.usRelief).toBe(30);
    expect(lever.textContent).not.toContain('changed from the story');
  });

  it('moves between steps with the arrow and Page keys, unless a control has the focus', async () => {
    const { store } = renderApp('?step=2');
    await screen.findByText(/Step 2 of 8/);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(store.getState().step).toBe(3);
    fireEvent.keyDown(document.body, { key: 'PageUp' });
    expect(store.getState().step).toBe(2);
    // On a slider the arrows move the slider, not the story.
    fireEvent.keyDown(slider('US sanctions relief on offer'), { key: 'ArrowRight' });
    expect(store.getState().step).toBe(2);
  });
});

describe('a class link', () => {
  it('locks and hides the levers it names, and the share dialog sets them', async () => {
    const user = userEvent.setup();
    const { store } = renderApp('?usRelief=4&lock=usRelief&hide=russiaSupport');
    const relief = slider('US sanctions relief on offer');
    expect(relief.disabled).toBe(true);
    expect(document.querySelector('[data-lever="usRelief"]')!.textContent).toContain('locked by the link');
    expect(screen.queryByRole('slider', { name: 'Russian support' })).toBeNull();
    fireEvent.change(relief, { target: { value: '9' } });
    expect(store.getState().levers.usRelief).toBe(4);
    await user.click(screen.getByRole('button', { name: 'Share…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Share this view' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'US sanctions relief on offer' }), 'free');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Russian support' }), 'free');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'New political prisoners' }), 'locked');
    expect([store.getState().locked, store.getState().hidden]).toEqual([['arrestRate'], []]);
    expect((within(dialog).getByRole('textbox', { name: 'Link to this view' }) as HTMLInputElement).value).toMatch(
      /\?scenario=belarus-prisoners&v=2&usRelief=4&lock=arrestRate$/,
    );
    expect(slider('US sanctions relief on offer').disabled).toBe(false);
    expect(slider('Russian support')).toBeTruthy();
  });

  it('writes the link and the embed code left to right in an Arabic page, so they read from their start', async () => {
    const user = userEvent.setup();
    renderApp('?lang=ar');
    await user.click(screen.getByRole('button', { name: 'شارك…' }));
    const dialog = await screen.findByRole('dialog');
    const [link, code] = within(dialog).getAllByRole('textbox');
    expect(document.documentElement.dir).toBe('rtl');
    expect([link!.getAttribute('dir'), code!.getAttribute('dir')]).toEqual(['ltr', 'ltr']);
    expect((link as HTMLInputElement).value).toMatch(/^http/);
  });

  it('leaves the header out of an embedded page, and links to the whole app', () => {
    renderApp('?embed=1&usRelief=4');
    expect(document.querySelector('.app-header')).toBeNull();
    const out = screen.getByRole('link', { name: 'Open in Leverage Lab' });
    expect(out.getAttribute('href')).toMatch(/\?scenario=belarus-prisoners&v=2&usRelief=4$/);
  });
});

describe('undo and redo', () => {
  it('take back lever changes with the buttons and with Ctrl+Z after the slider lost the focus', async () => {
    const user = userEvent.setup();
    const { store } = renderApp();
    const undoButton = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    expect(undoButton.disabled).toBe(true);
    fireEvent.change(slider('US sanctions relief on offer'), { target: { value: '6' } });
    await user.click(screen.getByRole('button', { name: 'Reset all' }));
    await user.click(undoButton);
    expect(store.getState().levers).toEqual({ usRelief: 6 });
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().levers).toEqual({});
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(store.getState().levers).toEqual({ usRelief: 6 });
    expect((screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('leave Ctrl+Z to a number field being typed in', async () => {
    const user = userEvent.setup();
    const { store } = renderApp('?usRelief=6');
    fireEvent.change(slider('Russian support'), { target: { value: '20' } });
    await user.click(screen.getByRole('spinbutton', { name: 'US sanctions relief on offer, value in relief points' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().levers.russiaSupport).toBe(20);
  });
});

describe('the presentation view and the shortcuts', () => {
  it('opens with P or its button, shows only the step’s levers and outcome, and Esc leaves it', async () => {
    const user = userEvent.setup();
    const { store } = renderApp('?step=7');
    fireEvent.keyDown(document.body, { key: 'p' });
    expect(store.getState().view).toBe('present');
    await waitFor(() => expect(document.querySelector('.present')).toBeTruthy());
    const present = document.querySelector('.present') as HTMLElement;
    const shown = within(present)
      .getAllByRole('slider')
      .map((s) => s.id)
      .sort();
    expect(shown).toEqual(
      step(7)
        .levers.map((id) => `lever-${id}`)
        .sort(),
    );
    expect([...present.querySelectorAll('[data-outcome]')].map((c) => c.getAttribute('data-outcome'))).toEqual([
      step(7).highlight,
    ]);
    expect(await within(present).findByRole('img', { name: /^QR code of the link / })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(store.getState().view).toBe('page');
    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(store.getState().view).toBe('present');
  });

  it('lists the keyboard shortcuts on ?', async () => {
    renderApp();
    act(() => {
      fireEvent.keyDown(document.body, { key: '?' });
    });
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('reveal the answer')).toBeTruthy();
    expect(within(help).getByText('undo a change of the levers')).toBeTruthy();
  });
});
