import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { founding } from '../helpers.ts';
import { renderApp } from './render.tsx';

const model = founding();
const scenario = model.scenario;
const value = (outcome: string) =>
  Number(document.querySelector(`[data-outcome="${outcome}"]`)!.getAttribute('data-value'));
/** What the model gives for an outcome at these levers, as a card shows it (whole people). */
const expected = (levers: Record<string, number>, outcome: string) => simulate(model, levers).outcomes[outcome]!;
const people = (x: number) => Math.round(x).toLocaleString('en-US');

describe('the app', () => {
  it('shows the title, a summary, the sources and a scenario picker listing every scenario', () => {
    renderApp();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Belarus: political prisoners as bargaining chips' }),
    ).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: 'Scenario' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([scenario.title.en]);
    expect(screen.getByText(`Sources (${scenario.sources.length})`)).toBeTruthy();
  });

  it('groups the levers by actor, each a labelled slider with a number field and unit', () => {
    renderApp();
    for (const actor of ['Poland', 'China', 'United States', 'European Union', 'Russia', 'The regime in Minsk']) {
      expect(screen.getByRole('group', { name: actor })).toBeTruthy();
    }
    const poland = screen.getByRole('group', { name: 'Poland' });
    expect(
      within(poland)
        .getAllByRole('slider')
        .map((s) => s.getAttribute('id')),
    ).toEqual(['lever-polandClosureDays', 'lever-polandLinksPrisoners']);
    const slider = screen.getByRole('slider', { name: 'US sanctions relief on offer' });
    expect(slider.getAttribute('aria-valuetext')).toBe('0 relief points');
    expect(
      screen.getByRole('spinbutton', { name: 'US sanctions relief on offer, value in relief points' }),
    ).toBeTruthy();
  });

  it('answers a slider at once: the headline cards change, with the change from the default', () => {
    renderApp();
    const before = value('releasedTotal');
    fireEvent.change(screen.getByRole('slider', { name: 'US sanctions relief on offer' }), { target: { value: '8' } });
    const after = expected({ usRelief: 8 }, 'releasedTotal');
    expect(after - before).toBeGreaterThan(100);
    expect(value('releasedTotal')).toBeCloseTo(after, 6);
    const card = document.querySelector('[data-outcome="releasedTotal"]')!;
    expect(card.textContent).toContain(`+${people(after - before)} vs default`);
    expect(within(card as HTMLElement).getByText(people(after))).toBeTruthy();
  });

  it('moves only its own levers when two apps share a page', () => {
    const first = renderApp();
    const second = renderApp('?scenario=belarus-prisoners&usRelief=4');
    // Both pages have the same ids, so the slider is found in its own app's part of the page.
    const secondSlider = [...second.container.querySelectorAll('input')].find(
      (i) => i.type === 'range' && i.id === 'lever-usRelief',
    )!;
    expect(secondSlider.value).toBe('4');
    fireEvent.change(secondSlider, { target: { value: '8' } });
    expect(second.store.getState().levers.usRelief).toBe(8);
    expect(first.store.getState().levers.usRelief).toBeUndefined();
  });

  it('takes typed numbers, resets one lever, and resets all', async () => {
    const user = userEvent.setup();
    renderApp();
    const field = screen.getByRole('spinbutton', { name: 'Polish border closure, value in days' });
    await user.clear(field);
    await user.type(field, '4{Enter}');
    const slider = screen.getByRole('slider', { name: 'Polish border closure' }) as HTMLInputElement;
    expect(slider.value).toBe('4');
    expect(value('polandCost')).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Reset Polish border closure to its default' }));
    expect(slider.value).toBe('0');
    const resetAll = screen.getByRole('button', { name: 'Reset all' }) as HTMLButtonElement;
    expect(resetAll.disabled).toBe(true);
    fireEvent.change(slider, { target: { value: '13' } });
    expect(resetAll.disabled).toBe(false);
    fireEvent.change(screen.getByRole('slider', { name: 'New political prisoners' }), { target: { value: '0' } });
    await user.click(resetAll);
    expect(resetAll.disabled).toBe(true);
    expect(slider.value).toBe('0');
    expect((screen.getByRole('slider', { name: 'New political prisoners' }) as HTMLInputElement).value).toBe('28');
  });

  it('uses a typed number when it is committed, brought into the range, and says what it used', async () => {
    const user = userEvent.setup();
    const { store } = renderApp();
    const field = screen.getByRole('spinbutton', {
      name: 'US sanctions relief on offer, value in relief points',
    }) as HTMLInputElement;
    const said = () => document.getElementById(field.getAttribute('aria-describedby')!)!.textContent;
    await user.clear(field);
    await user.type(field, '35');
    // Nothing is used while typing: not the 3 on the way to 35.
    expect(store.getState().levers.usRelief).toBeUndefined();
    await user.keyboard('{Enter}');
    expect(store.getState().levers.usRelief).toBe(30);
    expect(field.value).toBe('30');
    expect(said()).toBe('35 is outside the range; set to 30 relief points.');
    // Pasted, then left: used on blur.
    await user.clear(field);
    await user.paste('7.4');
    fireEvent.blur(field);
    expect(store.getState().levers.usRelief).toBe(7);
    expect(said()).toBe('7.4 is between steps; set to 7 relief points.');
    // A value in range and on the grid is used as typed, and the message goes.
    await user.clear(field);
    await user.type(field, '12{Enter}');
    expect(store.getState().levers.usRelief).toBe(12);
    expect(said()).toBe('');
    // Escape gives up the typing.
    await user.clear(field);
    await user.type(field, '2{Escape}');
    expect(field.value).toBe('12');
    expect(store.getState().levers.usRelief).toBe(12);
  });

  it('takes bigger steps with Shift+arrow and PageUp/PageDown', () => {
    renderApp();
    const slider = screen.getByRole('slider', { name: 'Polish border closure' }) as HTMLInputElement;
    fireEvent.keyDown(slider, { key: 'ArrowRight', shiftKey: true });
    expect(slider.value).toBe('36.5');
    fireEvent.keyDown(slider, { key: 'PageUp' });
    expect(slider.value).toBe('73');
    fireEvent.keyDown(slider, { key: 'PageDown' });
    fireEvent.keyDown(slider, { key: 'PageDown' });
    expect(slider.value).toBe('0');
  });

  it('applies a preset when one is chosen, and says which preset the settings are, or that they are your own', async () => {
    const user = userEvent.setup();
    renderApp();
    const active = () => document.querySelector('.preset-active')!.textContent;
    const presetLabel = (id: string) => scenario.presets.find((p) => p.id === id)!.label.en;
    expect(active()).toBe(`Settings: ${presetLabel('statusQuo')} ${scenario.presets[0]!.description.en}`);
    await user.click(screen.getByText('Presets'));
    const banks = screen.getByRole('button', { name: presetLabel('usRungBanks') });
    expect(banks.getAttribute('aria-pressed')).toBe('false');
    await user.click(banks);
    expect(active()).toContain(presetLabel('usRungBanks'));
    await user.click(screen.getByText('Presets'));
    expect(screen.getByRole('button', { name: presetLabel('usRungBanks') }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByRole('slider', { name: 'US sanctions relief on offer' }) as HTMLInputElement).value).toBe('16');
    expect(
      (
        screen.getByRole('spinbutton', {
          name: 'US sanctions relief on offer, value in relief points',
        }) as HTMLInputElement
      ).value,
    ).toBe('16');
    expect(
      (screen.getByRole('slider', { name: 'Released prisoners forced into exile' }) as HTMLInputElement).value,
    ).toBe('6');
    expect(value('releasedTotal')).toBeCloseTo(expected({ usRelief: 16, exileShare: 6 }, 'releasedTotal'), 6);
    fireEvent.change(screen.getByRole('slider', { name: 'US sanctions relief on offer' }), { target: { value: '15' } });
    expect(active()).toBe('Settings: your own (no preset matches them)');
  });

  it('replays what happened from the presets: the levers follow their dates, and say so', async () => {
    const user = userEvent.setup();
    const { store } = renderApp();
    await user.click(screen.getByText('Presets'));
    await user.click(
      screen.getByRole('button', { name: scenario.presets.find((p) => p.id === 'asItHappened')!.label.en }),
    );
    expect(store.getState().follows).toEqual({
      usRelief: 'asItHappened',
      polandClosureDays: 'asItHappened',
      exileShare: 'asItHappened',
    });
    const relief = document.querySelector('[data-lever="usRelief"]') as HTMLElement;
    expect(relief.textContent).toContain(
      'Follows the dated events of “As it happened (August 2025 – March 2026)”: 4 from August 2025; 12 from November 2025; 28 from February 2026.',
    );
    // Moving the slider sets one value instead of the dates.
    fireEvent.change(screen.getByRole('slider', { name: 'US sanctions relief on offer' }), { target: { value: '8' } });
    expect(store.getState().follows.usRelief).toBeUndefined();
    expect(relief.textContent).not.toContain('Follows the dated events');
  });

  it('shows the verdict band of the rapprochement in words', () => {
    renderApp();
    const band = document.querySelector('[data-outcome="rapprochementStability"] .card-band')!;
    expect(band.textContent).toBe('US–Belarus rapprochement: fragile');
    expect(band.className).toContain('tone-bad');
  });

  it("shows each card's likely range once the bands are drawn, and marks it as updating after a change", async () => {
    renderApp();
    const range = () => document.querySelector('[data-outcome="prisonersHeld"] .card-range')!;
    await waitFor(() => expect(range().textContent).toMatch(/^likely [\d,]+ to [\d,]+$/));
    const [low, high] = range().getAttribute('data-range')!.split(' ').map(Number);
    expect(low!).toBeLessThanOrEqual(value('prisonersHeld'));
    expect(high!).toBeGreaterThanOrEqual(value('prisonersHeld'));
    fireEvent.change(screen.getByRole('slider', { name: 'US sanctions relief on offer' }), { target: { value: '8' } });
    expect(range().className).toContain('updating');
    await waitFor(() => expect(range().className).not.toContain('updating'));
  });

  it('draws a likely range behind each line of each chart', async () => {
    renderApp();
    const chart = screen.getByRole('img', { name: /^Political prisoners held, Aug 2025/ });
    await waitFor(() => expect(chart.querySelector('path.range')!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/));
    expect(screen.getAllByText('likely range (8 in 10 runs)').length).toBe(scenario.charts.length);
  });

  it('shows the peak of the stress on its card, so a short closure is not lost', () => {
    renderApp('?polandClosureDays=28');
    const card = document.querySelector('[data-outcome="belarusStress"]') as HTMLElement;
    expect(card.textContent).toContain('peak in Aug 2025');
    expect(card.textContent).not.toContain('same as default');
  });

  it('explains how a card is computed: the rule, the expression, and the levers and constants it uses', async () => {
    const user = userEvent.setup();
    renderApp('?usRelief=8&sentenceMonths=40');
    const card = document.querySelector('[data-outcome="releasedTotal"]') as HTMLElement;
    await user.click(within(card).getByText('How this is computed'));
    // The explanation is loaded when first opened.
    expect(
      await within(card).findByText(/Holiday pardons, US deals and releases under corridor pressure/),
    ).toBeTruthy();
    expect(
      within(card).getByText('releasedSoFar: starts at 0; each step + pardons + dealReleases + pressureReleases'),
    ).toBeTruthy();
    expect(card.textContent).toContain('US sanctions relief on offer: 8 relief points');
    expect(card.textContent).toMatch(
      /Average time until a sentence is served: 40 months, your assumption \(sourced 47/,
    );
    expect(card.textContent).toMatch(/People freed per relief point: 14 people\/point .*Fitted to: The June 2025 rung/);
    expect(within(card).getByRole('link', { name: 'Read this in the model guide' }).getAttribute('href')).toBe(
      'model.html#releasedTotal',
    );
  });

  it('says next to a slider when its lever acts only with another, and when it does nothing now', async () => {
    renderApp();
    const ask = document.querySelector('[data-lever="polandLinksPrisoners"]') as HTMLElement;
    expect(ask.textContent).toContain('acts only while the border is closed and Beijing blames Minsk');
    await waitFor(() => expect(within(ask).getByText('No effect at these settings')).toBeTruthy());
    fireEvent.change(screen.getByRole('slider', { name: 'Polish border closure' }), { target: { value: '30' } });
    await waitFor(() => expect(within(ask).queryByText('No effect at these settings')).toBeNull());
  });

  it('lets a reader move a constant within its range: marked as an assumption, used at once, in the link', async () => {
    const user = userEvent.setup();
    const { store } = renderApp();
    await user.click(screen.getByText('Assumptions'));
    const before = value('prisonersHeld');
    const slider = await screen.findByRole('slider', { name: 'Average time until a sentence is served' });
    expect(slider.getAttribute('min')).toBe('32');
    expect(slider.getAttribute('max')).toBe('50');
    fireEvent.change(slider, { target: { value: '36' } });
    expect(store.getState().constants).toEqual({ sentenceMonths: 36 });
    expect(value('prisonersHeld')).toBeLessThan(before);
    expect(value('prisonersHeld')).toBeCloseTo(
      simulate(model, {}, { constants: { sentenceMonths: 36 } }).outcomes.prisonersHeld!,
      6,
    );
    const row = document.querySelector('[data-constant="sentenceMonths"]') as HTMLElement;
    expect(row.textContent).toContain('your assumption (sourced: 47)');
    expect(screen.getByText('Assumptions (1 changed)')).toBeTruthy();
    await user.click(
      within(row).getByRole('button', { name: 'Reset Average time until a sentence is served to its sourced value' }),
    );
    expect(store.getState().constants).toEqual({});
    expect(value('prisonersHeld')).toBeCloseTo(before, 6);
  });

  it('states the lessons of the model with numbers the model works out, and shows each one', async () => {
    const user = userEvent.setup();
    const { store } = renderApp();
    const lesson = document.querySelector('[data-lesson="revolvingDoor"]') as HTMLElement;
    const deal = expected({ usRelief: 20 }, 'releasedByDeals');
    const fewer = expected({}, 'prisonersHeld') - expected({ usRelief: 20 }, 'prisonersHeld');
    expect(lesson.textContent).toContain(`frees ${people(deal)} people in deals`);
    expect(lesson.textContent).toContain(`only ${people(fewer)} fewer are held`);
    await user.click(within(lesson).getByRole('button', { name: /^Show me/ }));
    expect(store.getState().levers).toEqual({ usRelief: 20 });
  });

  it('draws every chart as a named image with its lines and the default as a reference', () => {
    renderApp('?usRelief=8');
    const charts = screen.getAllByRole('img', { name: /, Aug 2025 to Aug 2027 \(.+\)$/ });
    expect(charts).toHaveLength(scenario.charts.length);
    for (const chart of charts) {
      expect(chart.querySelectorAll('path.series').length).toBeGreaterThan(0);
      expect(chart.querySelectorAll('path.baseline').length).toBeGreaterThan(0);
    }
    expect(screen.getByRole('img', { name: /^Leverage network/ })).toBeTruthy();
  });

  it('reads out the values at a month when a chart has focus', () => {
    renderApp();
    const chart = screen.getByRole('img', { name: /^Political prisoners held, Aug 2025/ });
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(screen.getAllByText('August 2025: Political prisoners held 1,180 people').length).toBeGreaterThan(0);
    fireEvent.keyDown(chart, { key: 'End' });
    const end = people(expected({}, 'prisonersHeld'));
    expect(screen.getAllByText(`August 2027: Political prisoners held ${end} people`).length).toBeGreaterThan(0);
  });

  it('lists the channels of the network in words, with values that follow the levers', async () => {
    const user = userEvent.setup();
    renderApp('?chinaPressureOnMinsk=100&polandLinksPrisoners=100');
    await user.click(screen.getByText('Channels'));
    const item = () =>
      screen.getByText((_, el) => el?.tagName === 'LI' && /Border closure with a prisoner ask, /.test(el.textContent));
    const before = item().textContent;
    expect(before).toMatch(/^Poland → .+: Border closure with a prisoner ask, 0 /);
    fireEvent.input(screen.getByRole('slider', { name: 'Polish border closure' }), { target: { value: '60' } });
    expect(item().textContent).not.toBe(before);
    expect(item().textContent).toMatch(/ask, [1-9]/);
  });

  it('writes an outcome with one unit and precision on its card, in a chart’s read-out and on its arrow', () => {
    renderApp('?arrestRate=33');
    const card = document.querySelector('[data-outcome="arrestsTotal"]') as HTMLElement;
    const number = card.querySelector('.number')!.textContent!;
    expect(number).toMatch(/^[\d,]+$/);
    expect(card.querySelector('.unit')!.textContent).toBe('people');
    const chart = screen.getByRole('img', { name: /^Freed, exiled and newly imprisoned/ });
    fireEvent.keyDown(chart, { key: 'End' });
    expect(chart.closest('figure')!.querySelector('.readout')!.textContent).toContain(
      `Newly imprisoned ${number} people`,
    );
    const arrow = document.querySelector('[data-link="regime-prisoners"]');
    expect(arrow?.querySelector('.link-value')!.textContent).toBe(number);
    expect(arrow!.textContent).toContain(`${number} people`);
    // People are whole on an arrow too, even a few of them.
    fireEvent.change(screen.getByRole('slider', { name: 'Polish border closure' }), { target: { value: '10' } });
    fireEvent.change(screen.getByRole('slider', { name: 'Beijing blames Minsk' }), { target: { value: '100' } });
    fireEvent.change(screen.getByRole('slider', { name: 'Warsaw ties reopening to releases' }), {
      target: { value: '100' },
    });
    const ask = document.querySelector('[data-link="poland-regime"] .link-value')!.textContent!;
    expect(ask).toBe(
      people(
        expected(
          { arrestRate: 33, polandClosureDays: 10, chinaPressureOnMinsk: 100, polandLinksPrisoners: 100 },
          'releasedUnderPressure',
        ),
      ),
    );
    // Money in the same unit everywhere: million euros, whole.
    const cost = document.querySelector('[data-outcome="chinaDelayedValue"]')!;
    expect(cost.querySelector('.unit')!.textContent).toBe('million euros');
  });

  it('keeps each chart’s value axis as the levers move, and fits it to the lines when "fixed axes" is off', () => {
    const { store } = renderApp();
    const ticks = () =>
      [...screen.getByRole('img', { name: /^Economic stress on Belarus/ }).querySelectorAll('.axis-y text')].map(
        (t) => t.textContent,
      );
    const before = ticks();
    fireEvent.change(screen.getByRole('slider', { name: 'Polish border closure' }), { target: { value: '120' } });
    expect(ticks()).toEqual(before);
    const fixed = screen.getByRole('checkbox', { name: 'Fixed axes (the same at every setting)' }) as HTMLInputElement;
    expect(fixed.checked).toBe(true);
    fireEvent.click(fixed);
    expect(store.getState().axes).toBe('fit');
    const fitted = ticks();
    expect(fitted).not.toEqual(before);
    fireEvent.change(screen.getByRole('slider', { name: 'Polish border closure' }), { target: { value: '0' } });
    expect(ticks()).not.toEqual(fitted);
  });

  it('offers skip links to the levers and the charts, and lets the network take focus', () => {
    renderApp();
    const levers = screen.getByRole('link', { name: 'Skip to the levers' });
    const charts = screen.getByRole('link', { name: 'Skip to the charts' });
    const target = (a: HTMLElement) => document.getElementById(a.getAttribute('href')!.slice(1))!;
    expect(target(levers).getAttribute('aria-labelledby')).toBe('levers-heading');
    expect(target(levers).tabIndex).toBe(-1);
    expect(target(charts).querySelector('.charts')).toBeTruthy();
    expect(target(charts).tabIndex).toBe(-1);
    expect(screen.getByRole('img', { name: /^Leverage network/ }).getAttribute('tabindex')).toBe('0');
  });

  it('folds the levers on a narrow screen, behind a button that says what it does', async () => {
    const user = userEvent.setup();
    const listeners = new Set<() => void>();
    const narrow = { matches: true };
    vi.stubGlobal('matchMedia', () => ({
      get matches() {
        return narrow.matches;
      },
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    }));
    try {
      renderApp();
      const panel = document.getElementById('levers')!;
      const fold = screen.getByRole('button', { name: 'Show the levers' });
      expect(panel.className).toContain('folded');
      expect(fold.getAttribute('aria-expanded')).toBe('false');
      await user.click(fold);
      expect(panel.className).not.toContain('folded');
      expect(screen.getByRole('button', { name: 'Hide the levers' }).getAttribute('aria-expanded')).toBe('true');
      // Turned into a wide window, the panel unfolds by itself.
      await user.click(screen.getByRole('button', { name: 'Hide the levers' }));
      narrow.matches = false;
      act(() => listeners.forEach((l) => l()));
      expect(panel.className).not.toContain('folded');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('marks the closure period on the time axis', () => {
    renderApp('?polandClosureDays=30');
    const chart = screen.getByRole('img', { name: /^Political prisoners held/ });
    expect(within(chart).getByText('Polish border closed')).toBeTruthy();
  });

  it('says what it ignored in a broken link, and the notice can be dismissed', async () => {
    const user = userEvent.setup();
    renderApp('?scenario=belarus-prisoners&usRelief=99&polandClosureDays=abc&bogus=1');
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('US sanctions relief on offer: 99 is out of range; 30 is used.')).toBeTruthy();
    expect(within(alert).getByText('Polish border closure: "abc" is not a number; the default is used.')).toBeTruthy();
    expect(within(alert).getByText('"bogus" is not a lever of this scenario and was ignored.')).toBeTruthy();
    expect((screen.getByRole('slider', { name: 'US sanctions relief on offer' }) as HTMLInputElement).value).toBe('30');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('switches to Arabic, right to left', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'Language: العربية' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(scenario.title.ar);
    expect(document.querySelector('.app')!.getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('slider', { name: scenario.levers[0]!.label.ar })).toBeTruthy();
  });

  it('rewrites the values that follow the levers in the new language, and back', async () => {
    const user = userEvent.setup();
    renderApp('?usRelief=8');
    const card = () => document.querySelector('[data-outcome="releasedTotal"]')!.textContent;
    const slider = (label: string) => screen.getByRole('slider', { name: label });
    const change = people(expected({ usRelief: 8 }, 'releasedTotal') - expected({}, 'releasedTotal'));
    expect(card()).toContain(`+${change} vs default`);
    expect(slider('US sanctions relief on offer').getAttribute('aria-valuetext')).toMatch(/^8 /);
    await user.click(screen.getByRole('button', { name: 'Language: العربية' }));
    const relief = scenario.levers.find((l) => l.id === 'usRelief')!;
    expect(card()).toContain(`+${change} مقارنة بالافتراضي`);
    expect(slider(relief.label.ar).getAttribute('aria-valuetext')).toBe(`8 ${relief.unit.ar}`);
    await user.click(screen.getByRole('button', { name: /^اللغة|Language/ }));
    expect(card()).toContain(`+${change} vs default`);
  });

  it('copies the link and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('', {
      link: () => 'https://example.org/?scenario=belarus-prisoners&v=1&usRelief=8',
      stop: () => undefined,
    });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('https://example.org/?scenario=belarus-prisoners&v=1&usRelief=8');
    expect(within(document.querySelector('.share') as HTMLElement).getByRole('status').textContent).toBe(
      'Link copied: anyone who opens it sees these settings.',
    );
  });

  it('shows the link to copy by hand when the clipboard is blocked', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    renderApp('', { link: () => 'https://example.org/?x', stop: () => undefined });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(((await screen.findByRole('textbox', { name: 'Link to this view' })) as HTMLInputElement).value).toBe(
      'https://example.org/?x',
    );
  });
});
