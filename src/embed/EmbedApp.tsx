import { useCallback, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
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
import { createSharePayload, encodeShareFragment, hasShareFragment } from '../share';
import { SharedRunNotice } from '../share/ui/SharedRunNotice';
import { getBuiltin } from '../content/builtins';
import { getChallengeExample } from './challengeExamples';
import { ChallengePanel } from './ChallengePanel';
import type { ChallengeStore } from './challengeStore';
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
export function EmbedApp({ options, warnings, challenge }: { options: EmbedOptions; warnings: string[]; challenge: ChallengeStore }) {
  const store = useAppStoreApi();
  const scenario = useAppStore((s) => s.scenario);
  const status = useAppStore((s) => s.status);
  const challengeActive = useStore(challenge, (s) => s.spec !== null);
  const autoplayed = useRef<unknown>(null);
  // A built-in wins over an example challenge of the same id, so that no built-in link changes meaning.
  const example = getBuiltin(options.scenarioId) ? undefined : getChallengeExample(options.scenarioId);

  const loadFromUrl = useCallback(() => {
    if (example) store.getState().loadRun(options.scenarioId, example.json, options.seed);
    else store.getState().loadBuiltin(options.scenarioId, options.seed);
  }, [store, example, options.scenarioId, options.seed]);

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

  const labUrl = labUrlOf(options, example?.json);

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
      <ChallengePanel challenge={challenge} />
      <div className="embed-panels">
        {options.panels.map((panel) => (
          // With a challenge, its own settings are the only ones a learner may change.
          <EmbedPanel key={panel} panel={panel} knobs={challengeActive ? [] : options.knobs} />
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

/** Where "Open in Queuelab" goes: the shared run, the built-in, or an example challenge as a shared run (the lab has no ids for those). */
function labUrlOf(options: EmbedOptions, exampleJson: unknown): string {
  if (hasShareFragment(window.location.hash)) return `/${window.location.hash}`;
  const encoded = exampleJson === undefined ? null : encodeShareFragment(createSharePayload({ scenario: exampleJson, ...(options.seed === undefined ? {} : { seed: options.seed }) }));
  return encoded?.ok ? `/${encoded.fragment}` : `/?scenario=${encodeURIComponent(options.scenarioId)}`;
}
