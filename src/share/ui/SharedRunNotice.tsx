import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useAppStore, useAppStoreApi } from '../../app/store';
import { readShareFragment } from '..';
import { sharedRunStore } from './sharedRunStore';
import './share.css';

/**
 * Opens the run in the page's `#run=` fragment (now and whenever the fragment changes) and says
 * how it went: why a link cannot be opened, that a run came from another engine version (with a
 * way to replay it anyway), or that the replay matched what its author saw. Everything a link
 * carries is shown as text.
 */
export function SharedRunNotice({ onUnreadable }: { onUnreadable?: () => void }) {
  const app = useAppStoreApi();
  const state = useStore(sharedRunStore, (s) => s.state);
  const timeMs = useAppStore((s) => (s.scenario?.source.kind === 'run' ? s.snapshot?.timeMs : undefined));
  const traceHash = useAppStore((s) => s.snapshot?.metrics.traceHash);

  useEffect(() => {
    const read = () => {
      const result = readShareFragment(window.location.hash);
      if (result === null) return;
      sharedRunStore.getState().open(app, result, 'the link');
      // The page must not stay empty behind the explanation.
      if (!result.ok) onUnreadable?.();
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [app, onUnreadable]);

  useEffect(() => {
    if (timeMs !== undefined && traceHash !== undefined) sharedRunStore.getState().checkFrame(timeMs, traceHash);
  }, [timeMs, traceHash]);

  switch (state.kind) {
    case 'none':
      return null;
    case 'error':
      return (
        <div className="share-notice share-notice-error" role="alert" data-testid="shared-run-error" data-kind={state.error.kind}>
          <p className="share-notice-headline">This shared run cannot be opened.</p>
          <p>{state.error.message}</p>
          {state.error.problems.length > 0 && (
            <ul className="share-problems">
              {state.error.problems.slice(0, 20).map((problem, index) => (
                <li key={`${problem.path}-${index}`}>
                  <code>{problem.path || '(the whole run)'}</code> {problem.message}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button" onClick={() => sharedRunStore.getState().dismiss()}>
            Dismiss
          </button>
        </div>
      );
    case 'mismatch': {
      const { recordedWith, current } = state.run.engineMismatch!;
      return (
        <div className="share-notice" role="alert" data-testid="shared-run-mismatch">
          <p className="share-notice-headline">This run was recorded with engine {recordedWith}; this is engine {current}.</p>
          <p>Replaying it here may not give exactly what its author saw: a newer engine can model things differently.</p>
          <button type="button" className="button button-primary" onClick={() => sharedRunStore.getState().replayAnyway(app)}>
            Replay with engine {current}
          </button>
        </div>
      );
    }
    case 'shown': {
      const { payload } = state.run;
      const changes = payload.actions?.length ?? 0;
      const at = payload.startMs !== undefined ? ` at ${(payload.startMs / 1000).toFixed(3)} s` : '';
      return (
        <div className="share-notice share-notice-info" role="status" data-testid="shared-run" data-verdict={state.verdict}>
          <p>
            Shared run{at}: seed {payload.seed ?? state.run.scenario.seed}, {changes} recorded change{changes === 1 ? '' : 's'}
            {state.verdict === 'same' && ' — the replay reached the same trace hash its author saw.'}
            {state.verdict === 'different' && ' — the replay reached a different trace hash than its author saw.'}
            {state.verdict === 'pending' && ' — replaying…'}
          </p>
        </div>
      );
    }
  }
}
