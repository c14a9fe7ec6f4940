/**
 * The page's keyboard shortcuts (listed in KeyboardHelp.tsx): the story's steps with the arrow and
 * Page keys (a presentation clicker sends those), R to reveal, P for the presentation view, F for
 * full screen, Esc to leave it, Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) to undo and redo, ? for help.
 * A key that a focused control uses itself (a slider's arrows, a chart's, typing in a field, a
 * radio group) is left to that control: the page acts only on keys nobody else took.
 */
import { useEffect } from 'react';
import type { AppStore } from '../state/store.ts';
import type { UndoStore } from '../state/undo.ts';

/** Focused elements that use these keys themselves. */
const OWN_ARROWS = 'input, select, textarea, [role="img"], [contenteditable="true"], summary';
const TYPING =
  'input:not([type="range"]):not([type="checkbox"]):not([type="radio"]), select, textarea, [contenteditable="true"]';

export function fullScreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement) void document.exitFullscreen?.();
  else void root.requestFullscreen?.().catch(() => undefined);
}

export function useShortcuts(store: AppStore, undo: UndoStore | null, openHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : document.body;
      const typing = target.closest(TYPING) !== null;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (mod && !e.altKey && (key === 'z' || key === 'y')) {
        // In a text field, Ctrl+Z undoes the typing.
        if (typing || !undo) return;
        e.preventDefault();
        if (key === 'y' || e.shiftKey) undo.getState().redo();
        else undo.getState().undo();
        return;
      }
      if (mod || e.altKey || typing) return;
      const state = store.getState();
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      const steps = state.scenarios.find((s) => s.id === state.scenarioId)?.story.length ?? 0;
      const rtl = getComputedStyle(target).direction === 'rtl';
      switch (key) {
        case '?':
          openHelp();
          break;
        case 'p':
          state.setView(state.view === 'present' ? 'page' : 'present');
          break;
        case 'f':
          if (state.view !== 'present') return;
          fullScreen();
          break;
        case 'Escape':
          if (state.view !== 'present' || dialogOpen || document.fullscreenElement) return;
          state.setView('page');
          break;
        case 'r':
          if (state.step === 0 || state.revealed) return;
          state.reveal();
          break;
        case 'PageDown':
        case 'PageUp':
        case 'ArrowRight':
        case 'ArrowLeft': {
          if (state.step === 0 || dialogOpen || target.closest(OWN_ARROWS) !== null) return;
          const forward = key === 'PageDown' || key === (rtl ? 'ArrowLeft' : 'ArrowRight');
          const to = state.step + (forward ? 1 : -1);
          if (to < 1 || to > steps) return;
          state.goToStep(to);
          break;
        }
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, undo, openHelp]);
}
