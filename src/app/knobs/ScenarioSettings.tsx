import type { Scenario } from '../../engine';
import { useAppStore } from '../store';

interface Setting {
  label: string;
  configName: string;
  value: string;
  help: string;
}

/**
 * The rest of the scenario's configuration, read-only: what the engine models but no live knob
 * changes yet, under the names Kafka gives them, so nothing that shapes the run is hidden.
 */
export function ScenarioSettings() {
  const spec = useAppStore((s) => s.scenario?.spec ?? null);
  if (!spec) return null;
  const settings = settingsOf(spec);
  return (
    <details className="settings">
      <summary>Fixed settings of this run</summary>
      <dl className="settings-list">
        {settings.map((setting) => (
          <div key={`${setting.label}-${setting.configName}`} className="setting" title={setting.help}>
            <dt>
              {setting.label} <code className="config-name">{setting.configName}</code>
            </dt>
            <dd>{setting.value}</dd>
            <dd className="setting-help">{setting.help}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function settingsOf(spec: Scenario): Setting[] {
  const out: Setting[] = [];
  for (const topic of spec.topics) {
    out.push({ label: `Replicas of ${topic.name}`, configName: 'replication.factor', value: String(topic.replicationFactor), help: 'Copies of each partition, on different brokers.' });
    out.push({ label: 'Min in-sync replicas', configName: 'min.insync.replicas', value: String(topic.minInsyncReplicas), help: 'With acks=all, a write fails unless at least this many copies have it.' });
  }
  for (const p of spec.producers) {
    out.push({ label: `Acks (${p.id})`, configName: 'acks', value: p.acks, help: 'How many copies must have a record before the producer counts it as sent.' });
    out.push({ label: `Idempotent producer (${p.id})`, configName: 'enable.idempotence', value: String(p.enableIdempotence), help: 'Retries cannot write a record twice.' });
    out.push({ label: `Linger (${p.id})`, configName: 'linger.ms', value: `${p.lingerMs} ms`, help: 'How long the producer waits to fill a batch.' });
    out.push({ label: `Keys (${p.id})`, configName: 'key', value: describeKeys(p.keys), help: 'Records with the same key always go to the same partition.' });
  }
  for (const g of spec.consumerGroups) {
    out.push({ label: `Assignor (${g.id})`, configName: 'partition.assignment.strategy', value: g.assignor, help: 'How the group leader divides partitions among consumers.' });
    out.push({ label: `Commit (${g.id})`, configName: 'enable.auto.commit', value: g.commit, help: 'When offsets are committed: after processing (at-least-once), before (at-most-once) or on a timer.' });
    out.push({ label: `Session timeout (${g.id})`, configName: 'session.timeout.ms', value: `${g.sessionTimeoutMs} ms`, help: 'How long a silent consumer keeps its partitions before the group rebalances.' });
    out.push({ label: `Max poll records (${g.id})`, configName: 'max.poll.records', value: String(g.maxPollRecords), help: 'Most records one poll() returns.' });
    out.push({ label: `Retries (${g.id})`, configName: 'retry', value: `${g.retry.mode}, ${g.retry.maxAttempts} attempts, back-off ${g.retry.backoffMs} ms`, help: 'What happens to a record whose processing fails.' });
    out.push({ label: `Dead-letter topic (${g.id})`, configName: 'DLT', value: g.deadLetterTopic ?? 'none', help: 'Where records go after their last failed attempt.' });
    out.push({ label: `Idempotent consumer (${g.id})`, configName: 'idempotent', value: String(g.idempotent), help: 'Whether processing the same record twice has its effect only once.' });
  }
  return out;
}

function describeKeys(keys: Scenario['producers'][number]['keys']): string {
  switch (keys.distribution) {
    case 'none':
      return 'no keys';
    case 'uniform':
      return `${keys.count} keys, uniform`;
    case 'zipf':
      return `${keys.count} keys, zipf skew ${keys.skew}`;
    case 'hot':
      return `${keys.count} keys, ${keys.hotKey} gets ${Math.round(keys.hotShare * 100)}%`;
  }
}
