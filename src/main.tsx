import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import scenarios from 'virtual:scenarios';
import { syncWithUrl } from './state/history.ts';
import { createAppStore } from './state/store.ts';
import { watchUncertainty } from './state/uncertainty.ts';
import { workerRunner } from './state/workerRunner.ts';
import { App } from './ui/App.tsx';
import { StoreContext, UncertaintyContext, UrlContext } from './ui/context.ts';
import './ui/app.css';

const store = createAppStore(scenarios, window.location.search);
const sync = syncWithUrl(store);
const uncertainty = watchUncertainty(store, workerRunner());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <UncertaintyContext.Provider value={uncertainty}>
        <UrlContext.Provider value={sync}>
          <App />
        </UrlContext.Provider>
      </UncertaintyContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
