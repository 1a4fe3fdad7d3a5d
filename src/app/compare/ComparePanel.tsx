import { useEffect, useMemo, useRef, useState } from 'react';
import { PATCH_OPTIONS, patchScenario, type PatchId } from './scenarioPatch';
import { compareMetrics, overlay } from './compareData';
import { runHeadless, type HeadlessResult, type HeadlessRun } from './headlessRun';
import { TimeChart } from '../charts/TimeChart';
import { formatCount, formatRate, formatSimTime } from '../format';
import { useAppStore } from '../store';
import { columnOf } from '../insight/seriesTable';

type Phase = { state: 'idle' } | { state: 'running'; baselineMs: number; variantMs: number } | { state: 'done'; baseline: HeadlessResult; variant: HeadlessResult } | { state: 'failed'; message: string };

const formatMs = (ms: number) => `${formatCount(ms)} ms`;

/**
 * The loaded scenario against a copy with one knob changed, both with the same seed, each in a
 * worker of its own: charts overlaid (the variant dashed) and the metric differences tabled.
 * Live changes made in the lab are not part of either run.
 */
export function ComparePanel() {
  const scenario = useAppStore((s) => s.scenario);
  const [patch, setPatch] = useState<PatchId>('assignor');
  const [untilS, setUntilS] = useState<string>('');
  const [phase, setPhase] = useState<Phase>({ state: 'idle' });
  const runs = useRef<HeadlessRun[]>([]);
  const cancelAll = () => {
    for (const run of runs.current) run.cancel();
    runs.current = [];
  };
  useEffect(() => cancelAll, []);

  const patched = useMemo(() => (scenario ? patchScenario(scenario.spec, patch) : null), [scenario, patch]);
  if (!scenario) return <p className="insight-empty">Load a scenario to compare.</p>;
  const untilMs = Math.min(scenario.durationMs, untilS === '' ? scenario.durationMs : Math.max(0.1, Number(untilS)) * 1000);

  function start() {
    if (!scenario || !patched?.ok) return;
    cancelAll();
    const progress = { baselineMs: 0, variantMs: 0 };
    setPhase({ state: 'running', ...progress });
    const update = (which: 'baselineMs' | 'variantMs') => (timeMs: number) => {
      progress[which] = timeMs;
      setPhase((p) => (p.state === 'running' ? { state: 'running', ...progress } : p));
    };
    const a = runHeadless(scenario.spec, scenario.seed, untilMs, update('baselineMs'));
    const b = runHeadless(patched.scenario, scenario.seed, untilMs, update('variantMs'));
    runs.current = [a, b];
    Promise.all([a.result, b.result])
      .then(([baseline, variant]) => setPhase({ state: 'done', baseline, variant }))
      .catch((error: unknown) => setPhase({ state: 'failed', message: error instanceof Error ? error.message : String(error) }))
      .finally(cancelAll);
  }

  return (
    <div className="compare">
      <form
        className="inspector-form"
        aria-label="Compare two runs"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label className="inline-field">
          Change{' '}
          <select value={patch} onChange={(e) => setPatch(e.target.value as PatchId)}>
            {PATCH_OPTIONS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Run both to (s){' '}
          <input type="number" min={0.1} step="any" className="narrow-input" placeholder={String(scenario.durationMs / 1000)} value={untilS} onChange={(e) => setUntilS(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!patched?.ok || phase.state === 'running'}>
          Run both
        </button>
      </form>
      <p className="chart-note">
        {patched?.ok ? `Baseline: ${patched.baseline}. Variant: ${patched.variant}. Same scenario, same seed ${scenario.seed}; your live changes are not included.` : `Cannot compare: ${patched?.reason ?? ''}.`}
      </p>
      <div aria-live="polite">
        {phase.state === 'running' && (
          <p>
            Running… baseline at {formatSimTime(phase.baselineMs)}, variant at {formatSimTime(phase.variantMs)} of {formatSimTime(untilMs)}.
          </p>
        )}
        {phase.state === 'failed' && <p role="alert">The comparison stopped: {phase.message}</p>}
      </div>
      {phase.state === 'done' && patched?.ok && <CompareResult baseline={phase.baseline} variant={phase.variant} baselineName={patched.baseline} variantName={patched.variant} />}
    </div>
  );
}

function CompareResult({ baseline, variant, baselineName, variantName }: { baseline: HeadlessResult; variant: HeadlessResult; baselineName: string; variantName: string }) {
  const times = useMemo(() => columnOf(baseline.table, 't'), [baseline]);
  const lag = useMemo(() => overlay(baseline.table, variant.table, 'lag', baselineName, variantName), [baseline, variant, baselineName, variantName]);
  const out = useMemo(() => overlay(baseline.table, variant.table, 'out/s', baselineName, variantName), [baseline, variant, baselineName, variantName]);
  const p99 = useMemo(() => overlay(baseline.table, variant.table, 'p99', baselineName, variantName), [baseline, variant, baselineName, variantName]);
  const rows = compareMetrics(baseline.metrics, variant.metrics);
  return (
    <div data-testid="compare-result">
      <div className="chart-grid-2">
        <TimeChart id="compare-lag" title="Total lag: baseline vs variant" summary={`Total lag over time; solid: ${baselineName}, dashed: ${variantName}.`} times={times} lines={lag} markers={[]} format={formatCount} />
        <TimeChart id="compare-out" title="Throughput out: baseline vs variant" summary={`Records processed per second; solid: ${baselineName}, dashed: ${variantName}.`} times={times} lines={out} markers={[]} format={formatRate} />
        <TimeChart id="compare-p99" title="Latency p99: baseline vs variant" summary={`End-to-end latency p99 since the start; solid: ${baselineName}, dashed: ${variantName}.`} times={times} lines={p99} markers={[]} format={formatMs} />
      </div>
      <table className="chart-table compare-table" data-testid="compare-table">
        <caption>
          Metrics at {formatSimTime(baseline.metrics.timeMs)}: {baselineName} vs {variantName}
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">{baselineName}</th>
            <th scope="col">{variantName}</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{formatCount(row.baseline)}</td>
              <td>{formatCount(row.variant)}</td>
              <td>
                {row.difference > 0 ? '+' : ''}
                {formatCount(row.difference)}
                {row.relative !== null && Number.isFinite(row.relative) ? ` (${row.relative > 0 ? '+' : ''}${(row.relative * 100).toFixed(0)}%)` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
