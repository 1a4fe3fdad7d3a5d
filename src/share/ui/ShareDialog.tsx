import { useEffect, useRef, useState } from 'react';
import { useAppStoreApi, type RunDescription } from '../../app/store';
import { createSharePayload, encodeShareFragment, runFileName, runFileText, type EncodeResult, type SharePayload } from '..';
import { copyText, downloadText } from './download';
import { EmbedSnippet } from './EmbedSnippet';

/** How long the page waits for the worker to describe the run before saying it could not. */
const DESCRIBE_TIMEOUT_MS = 5_000;

type Prepared =
  | { kind: 'waiting' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; payload: SharePayload; encoded: EncodeResult; title: string; builtinId: string | null; changes: number };

/**
 * The share dialog: the run as it is now (paused, so the link shows exactly this) as a link to
 * copy, as a run file to download (the only way when the link would be too long), and as an
 * iframe snippet with a live preview.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const app = useAppStoreApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [prepared, setPrepared] = useState<Prepared>({ kind: 'waiting' });
  const [copied, setCopied] = useState<'idle' | 'copied' | 'refused'>('idle');

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    let cancelled = false;
    const state = app.getState();
    // The link describes one instant: stop the clock so it is the instant on screen.
    if (state.status === 'playing' || state.status === 'seeking') state.pause();
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), DESCRIBE_TIMEOUT_MS));
    void Promise.race([state.describeRun(), timeout]).then((run: RunDescription | null) => {
      if (cancelled) return;
      const { acceptedRequest, scenario, speed } = app.getState();
      if (!run || !acceptedRequest || !scenario) {
        setPrepared({ kind: 'failed', message: 'There is no run to share yet: load a scenario first.' });
        return;
      }
      const payload = createSharePayload({ scenario: acceptedRequest.json, seed: run.seed, actions: run.actions, startMs: run.timeMs, speed, traceHash: run.traceHash });
      setPrepared({
        kind: 'ready',
        payload,
        encoded: encodeShareFragment(payload),
        title: scenario.title,
        builtinId: scenario.source.kind === 'builtin' ? scenario.source.id : null,
        changes: run.actions.length,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [app]);

  const linkUrl = prepared.kind === 'ready' && prepared.encoded.ok ? `${window.location.origin}${window.location.pathname}${prepared.encoded.fragment}` : null;

  async function copy() {
    if (!linkUrl) return;
    setCopied((await copyText(linkUrl)) ? 'copied' : 'refused');
  }

  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onClose={onClose} data-testid="share-dialog">
      <div className="share-dialog-head">
        <h2 id="share-title">Share this run</h2>
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {prepared.kind === 'waiting' && <p role="status">Preparing the link…</p>}
      {prepared.kind === 'failed' && <p role="alert">{prepared.message}</p>}
      {prepared.kind === 'ready' && (
        <>
          <p className="share-summary">
            Scenario <strong>{prepared.title}</strong>, seed {prepared.payload.seed}, {prepared.changes} change{prepared.changes === 1 ? '' : 's'} you made, at{' '}
            {((prepared.payload.startMs ?? 0) / 1000).toFixed(3)} s. Whoever opens it replays exactly this run.
          </p>
          {prepared.encoded.ok ? (
            <div className="share-link-row">
              <label className="share-link-label" htmlFor="share-link">
                Link <span className="muted">({prepared.encoded.chars.toLocaleString('en')} characters)</span>
              </label>
              <input id="share-link" className="share-link" readOnly value={linkUrl ?? ''} onFocus={(event) => event.currentTarget.select()} data-testid="share-link" />
              <button type="button" className="button button-primary" onClick={() => void copy()}>
                Copy link
              </button>
              <span role="status" className="muted">
                {copied === 'copied' ? 'Copied.' : copied === 'refused' ? 'The browser would not copy: select the link and copy it yourself.' : ''}
              </span>
            </div>
          ) : (
            <p className="share-too-long" role="alert">
              {prepared.encoded.error.message}
            </p>
          )}
          <p>
            <button type="button" className={prepared.encoded.ok ? 'button' : 'button button-primary'} onClick={() => downloadText(runFileName(prepared.title), runFileText(prepared.payload))}>
              Download run file
            </button>{' '}
            <span className="muted">the same run as a file: open it with “Open run file”.</span>
          </p>
          <EmbedSnippet title={prepared.title} builtinId={prepared.builtinId} fragment={prepared.encoded.ok ? prepared.encoded.fragment : null} />
        </>
      )}
    </dialog>
  );
}
