import { builtinScenarios } from '../../content/builtins';

/** Chooses among the built-in scenarios. */
export function ScenarioPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  return (
    <label className="picker">
      <span>Scenario</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {builtinScenarios.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            {titleOf(scenario.json) ?? scenario.id}
          </option>
        ))}
      </select>
    </label>
  );
}

function titleOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('title' in json)) return undefined;
  return typeof json.title === 'string' ? json.title : undefined;
}
