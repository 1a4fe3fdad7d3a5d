import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../app/store';
import { sharedRunStore } from './sharedRunStore';
import './share.css';

// The dialog and the run-file reader bring the scenario validator (zod), the engine's parser and
// zlib: loaded when the learner opens them, never with the lab's first screen.
const loadShareDialog = () => import('./ShareDialog');
const ShareDialog = lazy(() => loadShareDialog().then((m) => ({ default: m.ShareDialog })));

/**
 * "Share" (a link, a run file, an embed snippet) and "Open run file", for the lab's header. Part
 * of the first screen: what these buttons open loads on demand.
 */
export function ShareControls() {
  const app = useAppStoreApi();
  const canShare = useAppStore((s) => s.acceptedRequest !== null && s.scenario !== null && s.status !== 'loading' && s.status !== 'failed');
  const [open, setOpen] = useState(false);
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  async function onFile(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const [{ readRunFileText }, text] = await Promise.all([import('../runFile'), file.text()]);
    const result = readRunFileText(text, file.size);
    sharedRunStore.getState().open(app, result, file.name);
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <div className="share-controls">
      <button type="button" className="button button-primary" disabled={!canShare}
        // Pointing at it or tabbing to it starts the dialog's download, so a click rarely waits.
        onPointerEnter={() => void loadShareDialog()}
        onFocus={() => void loadShareDialog()}
        onClick={() => setOpen(true)}
      >
        Share
      </button>
      <label className="button file-button" htmlFor={fileId}>
        Open run file
      </label>
      <input id={fileId} ref={fileInput} className="visually-hidden-file" type="file" accept=".json,application/json" onChange={(event) => void onFile(event.target.files)} />
      {open && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
