import { useCallback, useEffect } from 'react';
import { ErrorPanel } from '../components/ErrorPanel';
import { EventLog } from '../components/EventLog';
import { GroupMembers } from '../components/GroupMembers';
import { MetricsTable } from '../components/MetricsTable';
import { PartitionLag } from '../components/PartitionLag';
import { PlayerControls } from '../components/PlayerControls';
import { ScenarioPicker } from '../components/ScenarioPicker';
import { SimClock } from '../components/SimClock';
import { StatusLine } from '../components/StatusLine';
import { useSpaceToggle } from '../hooks/useSpaceToggle';
import { readLabParams, withScenario } from '../labParams';
import { useAppStore, useAppStoreApi } from '../store';

/**
 * The lab, first cut: one scenario, the player and its numbers. The topology drawing, knobs and
 * charts of DESIGN.md's lab grow in here. Reads `?scenario=&seed=&runTo=&speed=` once on mount.
 */
export function LabPage() {
  const store = useAppStoreApi();
  const togglePlay = useAppStore((s) => s.togglePlay);
  const scenarioId = useAppStore((s) => s.requestedScenarioId);
  useSpaceToggle(togglePlay);

  useEffect(() => {
    const params = readLabParams(window.location.search);
    const { loadBuiltin, runTo, setSpeed } = store.getState();
    if (params.speed !== undefined) setSpeed(params.speed);
    loadBuiltin(params.scenarioId, params.seed);
    if (params.runToMs !== undefined) runTo(params.runToMs);
  }, [store]);

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
      </div>
      <ErrorPanel />
      <div className="toolbar">
        <PlayerControls />
        <SimClock />
      </div>
      <StatusLine />
      <div className="lab-grid">
        <MetricsTable />
        <div className="lab-side">
          <PartitionLag />
          <GroupMembers />
          <EventLog />
        </div>
      </div>
    </section>
  );
}

function ScenarioHeading() {
  const scenario = useAppStore((s) => s.scenario);
  return (
    <div className="scenario-heading">
      <h2 id="lab-title">{scenario?.title ?? 'Lab'}</h2>
      {scenario?.description && <p className="scenario-description">{scenario.description}</p>}
      {scenario && (
        <p className="scenario-meta">
          Seed {scenario.seed} · {scenario.durationMs / 1000} s simulated · press Space to play or pause
        </p>
      )}
    </div>
  );
}
