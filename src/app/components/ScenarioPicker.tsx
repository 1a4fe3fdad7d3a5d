import { useId, useRef } from 'react';
import { builtinScenarios } from '../../content/builtins';
import { useAppStore } from '../store';
import type { ScenarioSource } from '../store/types';

/** Chooses among the built-in scenarios, or loads one from a JSON file. */
export function ScenarioPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const loadFile = useAppStore((s) => s.loadFile);
  const source = useAppStore((s) => s.scenario?.source ?? null);
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  async function onFile(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    loadFile(file.name, await file.text(), file.size);
    // The same file again must load again (after fixing it, say).
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <div className="picker-row">
      <label className="picker">
        <span>Scenario</span>
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          {value === '' && <option value="">{sourceLabel(source)}</option>}
          {builtinScenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {titleOf(scenario.json) ?? scenario.id}
            </option>
          ))}
        </select>
      </label>
      <label className="button file-button" htmlFor={fileId}>
        Load from file
      </label>
      <input id={fileId} ref={fileInput} className="visually-hidden-file" type="file" accept=".json,application/json" onChange={(event) => void onFile(event.target.files)} />
    </div>
  );
}

/** What the picker says while the lab runs something other than a built-in. */
function sourceLabel(source: ScenarioSource | null): string {
  switch (source?.kind) {
    case 'file':
      return `File: ${source.name}`;
    case 'editor':
      return `Edited: ${source.name}`;
    case 'run':
      return `Run: ${source.name}`;
    default:
      return 'Choose…';
  }
}

function titleOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('title' in json)) return undefined;
  return typeof json.title === 'string' ? json.title : undefined;
}
