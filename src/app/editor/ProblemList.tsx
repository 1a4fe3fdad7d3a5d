/** The draft's problems as text under the editor: each a button that puts the cursor where it is. */
import type { DraftProblem } from './checkDraft';

interface ProblemListProps {
  problems: readonly DraftProblem[];
  /** Whether the problems are those of the text as it is now (false while typing has not paused). */
  fresh: boolean;
  onGo(offset: number): void;
}

export function ProblemList({ problems, fresh, onGo }: ProblemListProps) {
  const heading = problems.length === 0 ? 'No problems: this scenario runs.' : `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix`;
  return (
    <div className="editor-problems" data-testid="editor-problems" data-count={problems.length} data-fresh={fresh}>
      <p className={problems.length === 0 ? 'editor-problems-ok' : 'editor-problems-title'} role="status">
        {fresh ? heading : 'Checking…'}
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem, i) => (
            <li key={`${i}-${problem.where}`}>
              <button type="button" className="editor-problem" onClick={() => onGo(problem.from)} data-testid="editor-problem">
                <code>{problem.where}</code> <span>{problem.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
