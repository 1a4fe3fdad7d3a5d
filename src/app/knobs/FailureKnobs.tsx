import { useState } from 'react';
import { formatCount } from '../format';
import { useThrottledAppStore } from '../hooks/useThrottledAppStore';
import { useAppStore } from '../store';
import { Feedback } from './Knob';

/** Longest key the engine accepts for a poison key, characters. */
const KEY_LENGTH_MAX = 200;

/**
 * A group's failure handling, live: poison a key (every attempt to process it fails from now on),
 * and, when the group dead-letters, re-publish its dead-lettered records to their source topics.
 */
export function FailureKnobs({ groupId, suggestedKey = 'k-1' }: { groupId: string; suggestedKey?: string | undefined }) {
  const delivery = useThrottledAppStore((s) => s.snapshot?.groups.find((g) => g.id === groupId)?.delivery ?? null);
  const apply = useAppStore((s) => s.apply);
  const feedback = useAppStore((s) => s.knobFeedback[`failures-${groupId}`]);
  const [key, setKey] = useState(suggestedKey);
  if (!delivery) return null;
  const knobId = `failures-${groupId}`;
  const deadLetters = delivery.deadLetterTopics.reduce((n, t) => n + t.records, 0);

  return (
    <div className="knob" role="group" aria-label={`Failures in ${groupId}`}>
      <p className="knob-label">
        Failures{' '}
        <span className="knob-value">
          {delivery.retryMode}, {delivery.maxAttempts} attempt{delivery.maxAttempts === 1 ? '' : 's'}
          {delivery.idempotent ? ', idempotent' : ''}
        </span>
      </p>
      <form
        className="knob-row"
        onSubmit={(event) => {
          event.preventDefault();
          apply(knobId, { type: 'poison-key', group: groupId, key: key.trim() });
        }}
      >
        <label className="inline-label">
          <span>Poison key</span>
          <input className="knob-text" type="text" value={key} maxLength={KEY_LENGTH_MAX} onChange={(event) => setKey(event.target.value)} />
        </label>
        <button type="submit" className="button button-danger" title="From now on every attempt to process a record with this key fails: watch it retry, then dead-letter">
          Poison key
        </button>
      </form>
      {delivery.poisonKeys.length > 0 && <p className="knob-help-static">Poisoned: {delivery.poisonKeys.join(', ')}</p>}
      {delivery.deadLetterTopics.length > 0 && (
        <div className="knob-row">
          <button
            type="button"
            className="button"
            disabled={delivery.replayable === 0}
            onClick={() => apply(knobId, { type: 'dlq-replay', group: groupId })}
            title="Re-publish the dead-lettered records to the topics they came from (after fixing the cause, say)"
          >
            Replay dead letters
          </button>
          <span className="knob-value">
            {formatCount(deadLetters)} dead-lettered, {formatCount(delivery.replayable)} not replayed
          </span>
        </div>
      )}
      <Feedback feedback={feedback} />
    </div>
  );
}
