import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import scenarios, { reach } from 'virtual:scenarios';
import { rememberReach } from './state/derived.ts';
import { syncWithUrl } from './state/history.ts';
import { createAppStore } from './state/store.ts';
import { watchUncertainty } from './state/uncertainty.ts';
import { watchUndo } from './state/undo.ts';
import { workerRunner } from './state/workerRunner.ts';
import { App } from './ui/App.tsx';
import { StoreContext, UncertaintyContext, UndoContext, UrlContext } from './ui/context.ts';
import './ui/app.css';

scenarios.forEach((scenario, i) => rememberReach(scenario, reach[i]!));
const store = createAppStore(scenarios, window.location.search);
const sync = syncWithUrl(store);
const uncertainty = watchUncertainty(store, workerRunner());
const undo = watchUndo(store);

// Rendered as a transition, React yields to the browser every few milliseconds while it builds
// the page, instead of holding the main thread for the whole first render.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <UncertaintyContext.Provider value={uncertainty}>
          <UrlContext.Provider value={sync}>
            <UndoContext.Provider value={undo}>
              <App />
            </UndoContext.Provider>
          </UrlContext.Provider>
        </UncertaintyContext.Provider>
      </StoreContext.Provider>
    </StrictMode>,
  ),
);
