import { lazy, Suspense, useCallback, useEffect } from 'react';
import { ErrorPanel } from '../components/ErrorPanel';
import { EventLog } from '../components/EventLog';
import { GroupMembers } from '../components/GroupMembers';
import { hasRunFragment, LazySharedRunNotice, LazyShareControls } from '../components/LazyShare';
import { MetricsTable } from '../components/MetricsTable';
import { PartitionLag } from '../components/PartitionLag';
import { PlayerControls } from '../components/PlayerControls';
import { ScenarioHeading } from '../components/ScenarioHeading';
import { ScenarioPicker } from '../components/ScenarioPicker';
import { SimClock } from '../components/SimClock';
import { StatusLine } from '../components/StatusLine';
import { useLabKeys } from '../hooks/useLabKeys';
import { useRenderedLater } from '../hooks/useRenderedLater';
import { KnobsPanel } from '../knobs/KnobsPanel';
import { readLabParams, withScenario, type LabParams } from '../labParams';
import { useAppStore, useAppStoreApi, type AppStore } from '../store';
import { Topology } from '../viz/Topology';
import { ForkNotice } from '../timeline/ForkNotice';
import { TimeScrubber } from '../timeline/TimeScrubber';

// Charts, dashboard, inspector, comparison and exports load after the lab: the first screen never pays for them.
const InsightSection = lazy(() => import('../insight/InsightSection').then((m) => ({ default: m.InsightSection })));

/** Simulated length of the `?bench=churn` workload, ms: longer than the benchmark plays at 10×. */
const BENCH_DURATION_MS = 600_000;

/**
 * The lab: the scenario drawn and running, its knobs, its numbers and what happened. Reads
 * `?scenario=&seed=&runTo=&speed=&bench=` once on mount.
 */
export function LabPage() {
  const store = useAppStoreApi();
  const togglePlay = useAppStore((s) => s.togglePlay);
  const step = useAppStore((s) => s.step);
  const scenarioId = useAppStore((s) => s.requestedScenarioId);
  useLabKeys({ togglePlay, step });
  // The panels under the drawing render after the first screen, in a transition (see useRenderedLater).
  const panelsShown = useRenderedLater();

  useEffect(() => {
    const params = readLabParams(window.location.search);
    const { setSpeed } = store.getState();
    if (params.speed !== undefined) setSpeed(params.speed);
    // A `#run=` link loads its own run (SharedRunNotice); the editor's "Run in lab" loaded its document already.
    const fromEditor = store.getState().pendingRequest?.source.kind === 'editor';
    if (!hasRunFragment(window.location.hash) && !fromEditor) void loadFromParams(store, params);
  }, [store]);

  const loadFromUrl = useCallback(() => void loadFromParams(store, readLabParams(window.location.search)), [store]);

  const chooseScenario = useCallback(
    (id: string) => {
      window.history.replaceState(null, '', withScenario(window.location.search, id));
      store.getState().loadBuiltin(id);
    },
    [store],
  );

  return (
    <section className="lab" aria-labelledby="lab-title">
      <div className="lab-head">
        <ScenarioHeading />
        <ScenarioPicker value={scenarioId ?? ''} onChange={chooseScenario} />
        <LazyShareControls />
      </div>
      <ErrorPanel />
      <LazySharedRunNotice onUnreadable={loadFromUrl} />
      <div className="toolbar">
        <PlayerControls />
        <SimClock />
      </div>
      <TimeScrubber />
      <ForkNotice />
      <StatusLine />
      {/* The drawing gets the full width: partitions as logs need room to be read. */}
      <Topology />
      {panelsShown ? (
        <>
          <div className="lab-grid">
            <div className="lab-side">
              <KnobsPanel />
            </div>
            <div className="lab-main">
              <PartitionLag />
              <MetricsTable />
            </div>
            <div className="lab-side">
              <EventLog />
              <GroupMembers />
            </div>
          </div>
          <Suspense fallback={<p className="insight-empty">Loading charts…</p>}>
            <InsightSection />
          </Suspense>
        </>
      ) : (
        // Holds a screen's height meanwhile, so the footer does not jump (layout shift).
        <div className="lab-panels-pending" />
      )}
    </section>
  );
}

async function loadFromParams(store: AppStore, params: LabParams): Promise<void> {
  const { loadBuiltin, loadBench, runTo } = store.getState();
  if (params.bench === 'churn') {
    // Only for `npm run bench:ui`: loaded on demand so the first screen never pays for it.
    const { churnScenario } = await import('../../../bench/scenarios');
    loadBench('churn', churnScenario(BENCH_DURATION_MS));
  } else {
    loadBuiltin(params.scenarioId, params.seed);
  }
  if (params.runToMs !== undefined) runTo(params.runToMs);
}
