import { useId, useRef, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../app/store';
import { readRunFileText } from '..';
import { ShareDialog } from './ShareDialog';
import { sharedRunStore } from './sharedRunStore';
import './share.css';

/** "Share" (a link, a run file, an embed snippet) and "Open run file", for the lab's header. */
export function ShareControls() {
  const app = useAppStoreApi();
  const canShare = useAppStore((s) => s.acceptedRequest !== null && s.scenario !== null && s.status !== 'loading' && s.status !== 'failed');
  const [open, setOpen] = useState(false);
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  async function onFile(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const result = readRunFileText(await file.text(), file.size);
    sharedRunStore.getState().open(app, result, file.name);
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <div className="share-controls">
      <button type="button" className="button button-primary" disabled={!canShare} onClick={() => setOpen(true)}>
        Share
      </button>
      <label className="button file-button" htmlFor={fileId}>
        Open run file
      </label>
      <input id={fileId} ref={fileInput} className="visually-hidden-file" type="file" accept=".json,application/json" onChange={(event) => void onFile(event.target.files)} />
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
