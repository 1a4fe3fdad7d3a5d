import { useAppStore } from '../store';

/** Why the lab cannot run, in words; each scenario problem with where it is. */
export function ErrorPanel() {
  const error = useAppStore((s) => s.error);
  if (!error) return null;
  const headline = error.scenarioErrors.length > 0 ? error.message.split('\n')[0] : error.message;

  return (
    <div className="error-panel" role="alert">
      <p className="error-headline">{headline}</p>
      {error.scenarioErrors.length > 0 && (
        <ul className="error-list">
          {error.scenarioErrors.map((problem, index) => (
            <li key={`${problem.path}-${index}`}>
              <code>{problem.path || '(the whole scenario)'}</code> {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
