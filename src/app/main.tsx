// First: no zod schema may be built before this (see the file).
import '../share/noEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimClient } from '../worker/client';
import { App } from './App';
import { createAppStore, StoreProvider } from './store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// One worker and one store for the page's lifetime, created outside React so that StrictMode's
// double mount does not start a second simulation.
const client = createSimClient();
const store = createAppStore(client);

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
