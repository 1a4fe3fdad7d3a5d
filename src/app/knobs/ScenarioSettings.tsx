import type { Scenario } from '../../engine';
import { useAppStore } from '../store';

interface Setting {
  label: string;
  configName: string;
  value: string;
  help: string;
}

/**
 * The rest of the scenario's configuration, read-only: what Kafka fixes for the life of a
 * producer, topic or group, or the engine does not change live, under the names Kafka gives
 * them, so nothing that shapes the run is hidden.
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
  }
  for (const p of spec.producers) {
    out.push({ label: `Idempotent producer (${p.id})`, configName: 'enable.idempotence', value: String(p.enableIdempotence), help: 'Retries cannot write a record twice.' });
    out.push({ label: `Linger (${p.id})`, configName: 'linger.ms', value: `${p.lingerMs} ms`, help: 'How long the producer waits to fill a batch.' });
  }
  for (const g of spec.consumerGroups) {
    out.push({ label: `Session timeout (${g.id})`, configName: 'session.timeout.ms', value: `${g.sessionTimeoutMs} ms`, help: 'How long a silent consumer keeps its partitions before the group rebalances.' });
    out.push({ label: `Max poll records (${g.id})`, configName: 'max.poll.records', value: String(g.maxPollRecords), help: 'Most records one poll() returns.' });
    out.push({ label: `Retry mode (${g.id})`, configName: 'retry.mode', value: g.retry.mode === 'in-place' ? 'in place (blocking)' : `retry topics, ${g.retry.maxAttempts} attempts, back-off ${g.retry.backoffMs} ms`, help: 'Where failed records wait for their next attempt: in the consumer (blocking its partitions) or in retry topics (fixed when the application starts).' });
  }
  return out;
}
