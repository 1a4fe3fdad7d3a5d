import { getBuiltin } from '../../content/builtins';
import { readLabParams } from '../labParams';
import { useAppStore } from '../store';
import { hasRunFragment } from './LazyShare';

/** Title and description written in a scenario document, when it has them as text. */
export function headingOf(json: unknown): { title: string; description: string } | null {
  if (typeof json !== 'object' || json === null) return null;
  const { title, description } = json as { title?: unknown; description?: unknown };
  if (typeof title !== 'string') return null;
  return { title, description: typeof description === 'string' ? description : '' };
}

/**
 * The scenario's title, description and run facts. While a built-in scenario loads, its title and
 * description come from its document, and the facts line keeps its place, so the page below does
 * not jump when the worker answers.
 */
export function ScenarioHeading() {
  const scenario = useAppStore((s) => s.scenario);
  // The first paint comes before the lab asks for anything: the address says what it will ask for.
  const requestedId = useAppStore((s) => s.requestedScenarioId ?? (s.pendingRequest === null ? scenarioIdInAddress() : null));
  const preview = scenario ?? (requestedId === null ? null : headingOf(getBuiltin(requestedId)?.json));
  return (
    <div className="scenario-heading">
      <h2 id="lab-title">{preview?.title ?? 'Lab'}</h2>
      {preview?.description && <p className="scenario-description">{preview.description}</p>}
      <p className="scenario-meta">
        {scenario ? `Seed ${scenario.seed} · ${scenario.durationMs / 1000} s simulated · Space plays or pauses, → steps one event` : '\u00a0'}
      </p>
    </div>
  );
}

/** The built-in scenario the page's address opens, or null when it opens something else (a shared run, a benchmark). */
function scenarioIdInAddress(): string | null {
  if (typeof window === 'undefined' || hasRunFragment(window.location.hash)) return null;
  const params = readLabParams(window.location.search);
  return params.bench === undefined ? params.scenarioId : null;
}
