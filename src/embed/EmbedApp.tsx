import { useCallback, useEffect, useRef } from 'react';
import { ErrorPanel } from '../app/components/ErrorPanel';
import { EventLog } from '../app/components/EventLog';
import { MetricsTable } from '../app/components/MetricsTable';
import { PartitionLag } from '../app/components/PartitionLag';
import { PlayerControls } from '../app/components/PlayerControls';
import { SimClock } from '../app/components/SimClock';
import { StatusLine } from '../app/components/StatusLine';
import { BrokerKnobs } from '../app/knobs/BrokerKnobs';
import { GroupKnobs } from '../app/knobs/GroupKnobs';
import { ProducerKnobs } from '../app/knobs/ProducerKnobs';
import { TopicKnobs } from '../app/knobs/TopicKnobs';
import { useAppStore, useAppStoreApi } from '../app/store';
import { Topology } from '../app/viz/Topology';
import { hasShareFragment } from '../share';
import { SharedRunNotice } from '../share/ui/SharedRunNotice';
import type { EmbedOptions, KnobGroup, Panel } from './options';

const KNOB_COMPONENTS: Record<KnobGroup, () => React.JSX.Element | null> = {
  producers: ProducerKnobs,
  topics: TopicKnobs,
  groups: GroupKnobs,
  brokers: BrokerKnobs,
};

/**
 * The embed: the lab's own components, only the panels the URL asks for, the player always.
 * It asks nothing of the page that frames it.
 */
export function EmbedApp({ options, warnings }: { options: EmbedOptions; warnings: string[] }) {
  const store = useAppStoreApi();
  const scenario = useAppStore((s) => s.scenario);
  const status = useAppStore((s) => s.status);
  const autoplayed = useRef<unknown>(null);

  const loadFromUrl = useCallback(() => store.getState().loadBuiltin(options.scenarioId, options.seed), [store, options.scenarioId, options.seed]);

  useEffect(() => {
    if (options.speed !== undefined) store.getState().setSpeed(options.speed);
    if (!hasShareFragment(window.location.hash)) loadFromUrl();
  }, [store, options.speed, loadFromUrl]);

  useEffect(() => {
    // Once per loaded scenario, as soon as it is ready (and any shared start time reached).
    if (!options.autoplay || !scenario || status !== 'paused' || autoplayed.current === scenario) return;
    autoplayed.current = scenario;
    store.getState().play();
  }, [options.autoplay, scenario, status, store]);

  const labUrl = `/${hasShareFragment(window.location.hash) ? window.location.hash : `?scenario=${encodeURIComponent(options.scenarioId)}`}`;

  return (
    <div className="embed">
      <header className="embed-head">
        <h1 className="embed-title">{scenario?.title ?? 'Queuelab'}</h1>
        <a className="embed-open" href={labUrl} target="_blank" rel="noopener noreferrer">
          Open in Queuelab
        </a>
      </header>
      {warnings.length > 0 && (
        <ul className="embed-warnings" aria-label="Embed options not understood">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <ErrorPanel />
      <SharedRunNotice onUnreadable={loadFromUrl} />
      <div className="toolbar">
        <PlayerControls />
        <SimClock />
      </div>
      <StatusLine />
      <div className="embed-panels">
        {options.panels.map((panel) => (
          <EmbedPanel key={panel} panel={panel} knobs={options.knobs} />
        ))}
      </div>
    </div>
  );
}

function EmbedPanel({ panel, knobs }: { panel: Panel; knobs: KnobGroup[] }) {
  switch (panel) {
    case 'topology':
      return <Topology />;
    case 'knobs':
      if (knobs.length === 0) return null;
      return (
        <section className="panel knobs" aria-labelledby="embed-knobs-title">
          <h2 id="embed-knobs-title" className="panel-title">
            Knobs <span className="panel-subtitle">change them while it runs</span>
          </h2>
          {knobs.map((group) => {
            const Knobs = KNOB_COMPONENTS[group];
            return <Knobs key={group} />;
          })}
        </section>
      );
    case 'metrics':
      return (
        <div className="embed-metrics">
          <PartitionLag />
          <MetricsTable />
        </div>
      );
    case 'log':
      return <EventLog />;
  }
}
