import { BrokerKnobs } from './BrokerKnobs';
import { GroupKnobs } from './GroupKnobs';
import { ProducerKnobs } from './ProducerKnobs';
import { ScenarioSettings } from './ScenarioSettings';
import { TopicKnobs } from './TopicKnobs';

/** Everything a learner can change while the scenario runs, each applied live through the engine. */
export function KnobsPanel() {
  return (
    <section className="panel knobs" aria-labelledby="knobs-title">
      <h3 id="knobs-title" className="panel-title">
        Knobs <span className="panel-subtitle">change them while it runs</span>
      </h3>
      <ProducerKnobs />
      <TopicKnobs />
      <GroupKnobs />
      <BrokerKnobs />
      <ScenarioSettings />
    </section>
  );
}
