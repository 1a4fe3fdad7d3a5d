import { useAppStore } from '../store';

/** Why the lab stopped, in words; each scenario problem with where it is; and a way back. */
export function ErrorPanel() {
  const error = useAppStore((s) => s.error);
  const restart = useAppStore((s) => s.restart);
  const fallback = useAppStore((s) => s.acceptedRequest ?? s.pendingRequest);
  if (!error) return null;
  const headline = error.scenarioErrors.length > 0 ? error.message.split('\n')[0] : error.message;
  const canRestart = fallback !== null;
  const back = fallback?.source.kind === 'builtin' ? `the scenario "${fallback.source.id}"` : fallback?.source.kind === 'file' ? fallback.source.name : 'the scenario';

  return (
    <div className="error-panel" role="alert">
      <p className="error-headline">{headline}</p>
      {error.scenarioErrors.length > 0 && (
        <ul className="error-list">
          {error.scenarioErrors.map((problem, index) => (
            <li key={`${problem.path}-${index}`}>
              <code>{problem.path || '(the whole file)'}</code> {problem.message}
            </li>
          ))}
        </ul>
      )}
      {canRestart && (
        <p className="error-actions">
          <button type="button" className="button" onClick={restart}>
            Restart
          </button>{' '}
          <span className="muted">{error.fatal ? `starts a new simulator with ${back}` : `runs ${back} again from the start`}</span>
        </p>
      )}
    </div>
  );
}
