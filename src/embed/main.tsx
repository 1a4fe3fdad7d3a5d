// First: no zod schema may be built before this (see the file).
import '../share/noEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimClient } from '../worker/client';
import { createAppStore, StoreProvider } from '../app/store';
import { createEmbedBridge } from './bridge';
import { createChallengeStore } from './challengeStore';
import { gradeInWorker } from './gradeClient';
import { EmbedApp } from './EmbedApp';
import { readEmbedOptions } from './options';
import { applyTheme } from './theme';
import type { EmbedEvent } from './protocol';
import '../app/styles.css';
import './embed.css';

const root = document.getElementById('root');
if (!root) throw new Error('embed/index.html has no #root element');

const { options, warnings } = readEmbedOptions(window.location.search);
applyTheme(options.theme);

const client = createSimClient();
const store = createAppStore(client);
const challenge = createChallengeStore(store, gradeInWorker);

// The embed only ever talks to the page that frames it, and never reads that page: events go to
// window.parent with postMessage, commands are taken only from window.parent.
const framed = window.parent !== window;
const bridge = createEmbedBridge({
  store,
  tickEveryMs: options.tickEveryMs,
  challenge,
  post: (event: EmbedEvent) => {
    if (framed) window.parent.postMessage(event, options.hostOrigin ?? '*');
  },
});
window.addEventListener('message', (event) => {
  if (!framed || event.source !== window.parent) return;
  if (options.hostOrigin !== null && event.origin !== options.hostOrigin) return;
  bridge.receive(event.data);
});

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <EmbedApp options={options} warnings={warnings} challenge={challenge} />
    </StoreProvider>
  </StrictMode>,
);
