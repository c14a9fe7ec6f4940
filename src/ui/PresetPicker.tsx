import { useState } from 'react';
import type { Scenario } from '../model/schema.ts';
import { t, type Lang } from '../i18n/index.ts';
import { selectActivePreset } from '../state/derived.ts';
import { useApp, useAppStore } from './context.ts';

/**
 * The presets: which one the settings are (or that they are the reader's own), with its
 * description, and the list to choose from. A preset is applied only when chosen: a button each.
 */
export function PresetPicker({ scenario, lang }: { scenario: Scenario; lang: Lang }) {
  const store = useAppStore();
  const active = useApp(selectActivePreset);
  const preset = scenario.presets.find((p) => p.id === active);
  const [open, setOpen] = useState(false);
  return (
    <div className="presets">
      <p className="preset-active" data-preset={active ?? ''}>
        <strong>{t(lang, 'presetNow')}:</strong> {preset ? preset.label[lang] : t(lang, 'presetModified')}
        {preset && <span className="preset-description"> {preset.description[lang]}</span>}
      </p>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t(lang, 'presets')}</summary>
        <ul className="preset-list">
          {scenario.presets.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                aria-pressed={p.id === active}
                aria-describedby={`preset-${p.id}`}
                onClick={() => {
                  store.getState().applyPreset(p.id);
                  setOpen(false);
                }}
              >
                {p.label[lang]}
              </button>
              <p id={`preset-${p.id}`} className="preset-description">
                {p.description[lang]}
              </p>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
