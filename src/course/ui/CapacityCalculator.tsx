import { useId, useState } from 'react';
import { capacity, formatBytes, type CapacityInput } from '../capacity';

const FIELDS: { key: keyof CapacityInput; label: string; min: number; step: number }[] = [
  { key: 'ratePerSec', label: 'Average rate (records/s)', min: 0, step: 100 },
  { key: 'peakFactor', label: 'Peak ÷ average', min: 1, step: 0.5 },
  { key: 'recordSizeBytes', label: 'Record size (bytes)', min: 1, step: 100 },
  { key: 'retentionDays', label: 'Retention (days)', min: 0, step: 1 },
  { key: 'replicationFactor', label: 'Replication factor', min: 1, step: 1 },
  { key: 'perConsumerPerSec', label: 'One consumer handles (records/s)', min: 1, step: 10 },
  { key: 'latencyMs', label: 'Time in the system (ms)', min: 0, step: 10 },
];

/** Rate × size × retention → storage; peak rate ÷ per-consumer rate → partitions; λ·W → in flight. */
export function CapacityCalculator() {
  const [input, setInput] = useState<CapacityInput>({ ratePerSec: 2000, peakFactor: 1.5, recordSizeBytes: 1024, retentionDays: 7, replicationFactor: 3, perConsumerPerSec: 250, latencyMs: 40 });
  const titleId = useId();
  const baseId = useId();
  const out = capacity(input);
  return (
    <section className="course-panel calculator" aria-labelledby={titleId} data-testid="capacity-calculator">
      <h4 id={titleId}>Capacity calculator</h4>
      <div className="calculator-grid">
        {FIELDS.map((field) => (
          <div key={field.key} className="knob">
            <label className="knob-label" htmlFor={`${baseId}-${field.key}`}>
              {field.label}
            </label>
            <input
              id={`${baseId}-${field.key}`}
              className="knob-number"
              type="number"
              min={field.min}
              step={field.step}
              value={input[field.key]}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (Number.isFinite(value) && value >= field.min) setInput({ ...input, [field.key]: value });
              }}
            />
          </div>
        ))}
      </div>
      <dl className="calculator-out" role="status">
        <div>
          <dt>Write rate</dt>
          <dd>{formatBytes(out.ingressBytesPerSec)}/s</dd>
        </div>
        <div>
          <dt>Storage (all copies)</dt>
          <dd>{formatBytes(out.storageBytes)}</dd>
        </div>
        <div>
          <dt>Partitions, at least</dt>
          <dd>{Number.isFinite(out.partitionsMin) ? out.partitionsMin : '—'}</dd>
        </div>
        <div>
          <dt>Records in flight (L = λ·W)</dt>
          <dd>{out.inFlightRecords.toLocaleString('en-US', { maximumFractionDigits: 1 })}</dd>
        </div>
      </dl>
    </section>
  );
}
