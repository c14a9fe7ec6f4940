import { render } from '@testing-library/react';
import { App } from '../../src/ui/App.tsx';
import { StoreContext, UrlContext } from '../../src/ui/context.ts';
import { createAppStore } from '../../src/state/store.ts';
import type { UrlSync } from '../../src/state/history.ts';
import { founding } from '../helpers.ts';

/** Renders the whole app on a store opened with `search`, as the page does. */
export function renderApp(search = '', sync?: UrlSync) {
  const store = createAppStore([founding().scenario], search);
  const view = render(
    <StoreContext.Provider value={store}>
      <UrlContext.Provider value={sync ?? null}>
        <App />
      </UrlContext.Provider>
    </StoreContext.Provider>,
  );
  return { store, ...view };
}
