/**
 * The one-knob changes a comparison can make: each takes the loaded scenario (every default
 * filled in) and returns a copy with that knob changed, and says what it changed, or why it
 * cannot apply (a scenario with no producer has no acks to change).
 */
import type { Scenario } from '../../engine';

export type PatchId = 'assignor' | 'acks' | 'partitions' | 'consumers';

export interface PatchOption {
  id: PatchId;
  /** What the learner picks, e.g. "Assignor: eager (range) vs cooperative-sticky". */
  label: string;
}

export const PATCH_OPTIONS: readonly PatchOption[] = [
  { id: 'assignor', label: 'Assignor: eager (range) ↔ cooperative-sticky' },
  { id: 'acks', label: 'Producer acks: 1 ↔ all' },
  { id: 'partitions', label: 'Partitions: double (or halve)' },
  { id: 'consumers', label: 'Consumers: one more' },
];

export type PatchResult = { ok: true; scenario: Scenario; baseline: string; variant: string } | { ok: false; reason: string };

export function patchScenario(scenario: Scenario, patch: PatchId): PatchResult {
  const next = structuredClone(scenario);
  switch (patch) {
    case 'assignor': {
      const group = next.consumerGroups[0];
      if (!group) return { ok: false, reason: 'the scenario has no consumer group' };
      const before = group.assignor;
      group.assignor = before === 'cooperative-sticky' ? 'range' : 'cooperative-sticky';
      return { ok: true, scenario: next, baseline: `assignor ${before}`, variant: `assignor ${group.assignor}` };
    }
    case 'acks': {
      if (next.producers.length === 0) return { ok: false, reason: 'the scenario has no producer' };
      const before = next.producers[0]!.acks;
      const after = before === 'all' ? '1' : 'all';
      for (const producer of next.producers) {
        producer.acks = after;
        // acks=1 cannot be idempotent; Kafka refuses the combination, so the variant turns it off.
        if (after !== 'all') producer.enableIdempotence = false;
      }
      return { ok: true, scenario: next, baseline: `acks=${before}`, variant: `acks=${after}` };
    }
    case 'partitions': {
      const topic = next.topics[0];
      if (!topic) return { ok: false, reason: 'the scenario has no topic' };
      const before = topic.partitions;
      topic.partitions = before >= 12 ? Math.max(1, Math.floor(before / 2)) : before * 2;
      return { ok: true, scenario: next, baseline: `${before} partitions`, variant: `${topic.partitions} partitions` };
    }
    case 'consumers': {
      const group = next.consumerGroups[0];
      if (!group) return { ok: false, reason: 'the scenario has no consumer group' };
      const before = group.consumers;
      group.consumers = before + 1;
      return { ok: true, scenario: next, baseline: `${before} consumers`, variant: `${group.consumers} consumers` };
    }
  }
}

/** A row of the difference table. */
export interface MetricDifference {
  label: string;
  baseline: number;
  variant: number;
  /** variant − baseline */
  difference: number;
  /** difference / baseline, or null when the baseline is 0. */
  relative: number | null;
}
