import { useState } from 'react';
import { useAppStore } from '../store';
import { Knob } from './Knob';
import { ProducerConfigKnobs } from './ProducerConfigKnobs';
import { useDebounced } from './useDebounced';

/** Highest rate the slider offers, records/s (the engine accepts up to 1,000,000; type it in). */
const RATE_SLIDER_MAX = 20_000;
const APPLY_QUIET_MS = 200;

/** Each producer's controls: produce rate, acks and keys. */
export function ProducerKnobs() {
  const producers = useAppStore((s) => s.scenario?.spec.producers ?? null);
  const runKey = useAppStore((s) => s.scenario);
  if (!producers || producers.length === 0) return null;
  return (
    <>
      {producers.map((producer) => (
        // Keyed by the run, so a new scenario starts from its own settings.
        <div key={`${producer.id}-${String(runKey?.title)}-${runKey?.seed}`} className="knob-set">
          <RateKnob producerId={producer.id} initialRate={producer.ratePerSec} showId={producers.length > 1} />
          <ProducerConfigKnobs producer={producer} showId={producers.length > 1} />
        </div>
      ))}
    </>
  );
}

function RateKnob({ producerId, initialRate, showId }: { producerId: string; initialRate: number; showId: boolean }) {
  const [rate, setRate] = useState(initialRate);
  const apply = useAppStore((s) => s.apply);
  const knobId = `rate-${producerId}`;
  const send = useDebounced((ratePerSec: number) => apply(knobId, { type: 'set-rate', producer: producerId, ratePerSec }), APPLY_QUIET_MS);
  const change = (value: number) => {
    if (!Number.isFinite(value) || value < 0) return;
    setRate(value);
    send(value);
  };
  const label = showId ? `Produce rate of ${producerId} (msg/s)` : 'Produce rate (msg/s)';
  return (
    <Knob knobId={knobId} label={label} help="How many records per second the producer sends. Above what the consumers can process, lag grows without bound.">
      {({ inputId, helpId }) => (
        <div className="knob-row">
          <input
            type="range"
            min={0}
            max={Math.max(RATE_SLIDER_MAX, rate)}
            step={10}
            value={rate}
            aria-label={`${label} slider`}
            aria-describedby={helpId}
            onChange={(event) => change(Number(event.target.value))}
          />
          <input id={inputId} className="knob-number" type="number" min={0} max={1_000_000} step={1} value={rate} aria-describedby={helpId} onChange={(event) => change(Number(event.target.value))} />
        </div>
      )}
    </Knob>
  );
}
