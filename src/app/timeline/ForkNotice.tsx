import { useStore } from 'zustand';
import { formatSimTime } from '../format';
import { useAppStore } from '../store';

/** Says, once, that a change in the past started a new timeline and what was thrown away. */
export function ForkNotice() {
  const insight = useAppStore((s) => s.insight);
  const fork = useStore(insight, (s) => s.fork);
  const dismiss = useStore(insight, (s) => s.dismissFork);
  return (
    <div role="status" aria-live="polite" className="fork-slot">
      {fork && (
        <div className="notice fork-notice" data-testid="fork-notice">
          <p>
            <strong>New timeline from {formatSimTime(fork.atMs)}.</strong> You changed the past, so the old timeline after it (it had reached {formatSimTime(fork.discardedUntilMs)})
            is discarded
            {fork.discardedActions > 0 ? `, with ${fork.discardedActions} later change${fork.discardedActions === 1 ? '' : 's'} that will not happen again` : ''}.
          </p>
          <button type="button" className="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
