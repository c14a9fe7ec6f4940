import { render } from '@testing-library/react';
import { App } from '../../src/ui/App.tsx';
import { StoreContext, UncertaintyContext, UndoContext, UrlContext } from '../../src/ui/context.ts';
import { createAppStore } from '../../src/state/store.ts';
import type { UrlSync } from '../../src/state/history.ts';
import { inlineRunner, watchUncertainty } from '../../src/state/uncertainty.ts';
import { watchUndo } from '../../src/state/undo.ts';
import { founding } from '../helpers.ts';

/**
 * Renders the whole app on a store opened with `search`, as the page does; the Monte Carlo bands
 * are drawn in the page (there are no workers here), as soon as the settings change.
 */
export function renderApp(search = '', sync?: UrlSync) {
  const store = createAppStore([founding().scenario], search);
  const uncertainty = watchUncertainty(store, inlineRunner(), 0);
  const undo = watchUndo(store);
  const view = render(
    <StoreContext.Provider value={store}>
      <UncertaintyContext.Provider value={uncertainty}>
        <UrlContext.Provider value={sync ?? null}>
          <UndoContext.Provider value={undo}>
            <App />
          </UndoContext.Provider>
        </UrlContext.Provider>
      </UncertaintyContext.Provider>
    </StoreContext.Provider>,
  );
  return { store, uncertainty, undo, ...view };
}
