import { useEffect, useMemo, useRef, useState } from 'react';
import { BandChart } from './BandChart';
import { bandOf, seedList, spreadRows, SEEDS_DEFAULT, SEEDS_MAX, SEEDS_MIN } from './seedBand';
import { runSeeds, type SeedResult, type SeedRunProgress, type SeedRuns } from './seedRunner';
import { formatCount, formatSimTime } from '../format';
import { useAppStore } from '../store';

type Phase = { state: 'idle' } | { state: 'running'; progress: SeedRunProgress } | { state: 'done'; runs: SeedResult[] } | { state: 'failed'; message: string };

/**
 * The loaded scenario over many seeds, each a run of its own in a worker: each metric's median
 * and range, and total lag as a median inside a min–max band, so a learner sees which outcomes
 * the seed decides (chance) and which the scenario does (design). Live changes are not included.
 */
export function SeedsPanel() {
  const scenario = useAppStore((s) => s.scenario);
  const [countText, setCountText] = useState(String(SEEDS_DEFAULT));
  const [untilS, setUntilS] = useState('');
  const [phase, setPhase] = useState<Phase>({ state: 'idle' });
  const current = useRef<SeedRuns | null>(null);
  const stop = () => {
    current.current?.cancel();
    current.current = null;
  };
  useEffect(() => stop, []);
  // Results belong to the scenario they ran: loading another one clears them and stops its runs.
  useEffect(() => {
    stop();
    setPhase({ state: 'idle' });
  }, [scenario]);

  if (!scenario) return <p className="insight-empty">Load a scenario to run it over many seeds.</p>;
  const count = Number(countText);
  const countOk = Number.isInteger(count) && count >= SEEDS_MIN && count <= SEEDS_MAX;
  const untilMs = Math.min(scenario.durationMs, untilS === '' ? scenario.durationMs : Math.max(0.1, Number(untilS)) * 1000);
  const seeds = countOk ? seedList(scenario.seed, count) : [];

  function start() {
    if (!scenario || !countOk) return;
    stop();
    const total = seeds.length;
    setPhase({ state: 'running', progress: { done: 0, total, reachedMs: 0, targetMs: total * untilMs } });
    const runs = runSeeds(scenario.spec, seeds, untilMs, (progress) => setPhase((p) => (p.state === 'running' ? { state: 'running', progress } : p)));
    current.current = runs;
    runs.result
      .then((results) => {
        if (current.current === runs) setPhase({ state: 'done', runs: results });
      })
      .catch((error: unknown) => {
        if (current.current === runs) setPhase({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        if (current.current === runs) stop();
      });
  }

  function cancel() {
    stop();
    setPhase({ state: 'idle' });
  }

  const running = phase.state === 'running';
  return (
    <div className="seeds">
      <form
        className="inspector-form"
        aria-label="Run over many seeds"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label className="inline-field">
          Seeds ({SEEDS_MIN}–{SEEDS_MAX}){' '}
          <input type="number" min={SEEDS_MIN} max={SEEDS_MAX} step={1} className="narrow-input" value={countText} aria-invalid={!countOk} onChange={(e) => setCountText(e.target.value)} />
        </label>
        <label className="inline-field">
          Run each to (s){' '}
          <input type="number" min={0.1} step="any" className="narrow-input" placeholder={String(scenario.durationMs / 1000)} value={untilS} onChange={(e) => setUntilS(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!countOk || running}>
          Run seeds
        </button>
        {running && (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </form>
      <p className="chart-note">
        {countOk
          ? `Seeds ${seeds[0]} to ${seeds.at(-1)}, each to ${formatSimTime(untilMs)}; your live changes are not included.`
          : `Pick a whole number of seeds from ${SEEDS_MIN} to ${SEEDS_MAX}.`}
      </p>
      <div aria-live="polite">
        {running && <SeedProgress progress={phase.progress} />}
        {phase.state === 'failed' && <p role="alert">The runs stopped: {phase.message}</p>}
      </div>
      {phase.state === 'done' && <SeedsResult runs={phase.runs} />}
    </div>
  );
}

function SeedProgress({ progress }: { progress: SeedRunProgress }) {
  const percent = progress.targetMs > 0 ? Math.floor((100 * progress.reachedMs) / progress.targetMs) : 0;
  return (
    <p data-testid="seeds-progress">
      <progress max={100} value={percent} aria-label="Runs over seeds" /> Running… {progress.done} of {progress.total} runs done ({percent}%).
    </p>
  );
}

function SeedsResult({ runs }: { runs: SeedResult[] }) {
  const rows = useMemo(() => spreadRows(runs.map((r) => r.metrics)), [runs]);
  const band = useMemo(() => bandOf(runs.map((r) => r.table), 'lag'), [runs]);
  const first = runs[0]!;
  const range = `seeds ${first.seed} to ${runs.at(-1)!.seed}`;
  return (
    <div data-testid="seeds-result">
      <BandChart id="seeds-lag" title={`Total lag over ${runs.length} seeds`} summary={`Total lag over time: the median across ${range}, inside a band from the lowest to the highest.`} band={band} format={formatCount} />
      <table className="chart-table compare-table" data-testid="seeds-table" data-runs={runs.length}>
        <caption>
          Metrics at {formatSimTime(first.metrics.timeMs)} over {runs.length} runs ({range})
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Median</th>
            <th scope="col">Min</th>
            <th scope="col">Max</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.metric}>
              <th scope="row">{row.metric}</th>
              <td>{formatCount(row.median)}</td>
              <td>{formatCount(row.min)}</td>
              <td>{formatCount(row.max)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="chart-table compare-table" data-testid="seeds-runs">
        <caption>Each run</caption>
        <thead>
          <tr>
            <th scope="col">Seed</th>
            <th scope="col">Lag (total)</th>
            <th scope="col">Latency p99 (ms)</th>
            <th scope="col">Trace hash</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.seed}>
              <th scope="row">{run.seed}</th>
              <td>{formatCount(run.metrics.lag.total)}</td>
              <td>{formatCount(run.metrics.latencyMs.p99)}</td>
              <td>
                <code>{run.traceHash}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
