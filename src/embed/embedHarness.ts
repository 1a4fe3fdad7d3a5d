/**
 * Test harness: the embed's bridge and challenge over a real driver and engine, frames
 * acknowledged at once, wall time moved by hand. Every event posted is checked against the
 * published schema.
 */
import { expect } from 'vitest';
import { createAppStore } from '../app/store';
import { createDriverPort } from '../app/store/testing/driverPort';
import { createEmbedBridge } from './bridge';
import { createChallengeStore, type Grader } from './challengeStore';
import { gradeScenarioChallenge } from './challenge';
import { embedEventSchema, type EmbedEvent } from './protocol';

/** Grades on the spot, as the worker would. */
const gradeNow: Grader = (json, settings) => Promise.resolve(gradeScenarioChallenge(json, settings));

/** The embed over a real driver and engine, frames acknowledged at once, wall time moved by hand. */
export function setupEmbed(tickEveryMs = 1_000, grade: Grader = gradeNow) {
  const { port, host } = createDriverPort({ seekSliceMsMax: 100_000 });
  const store = createAppStore(port);
  const challenge = createChallengeStore(store, grade);
  const events: EmbedEvent[] = [];
  const bridge = createEmbedBridge({
    store,
    challenge,
    tickEveryMs,
    post: (event) => {
      // Every event the embed posts is one the published schema accepts.
      expect(embedEventSchema.parse(event)).toEqual(event);
      events.push(event);
    },
  });
  /** Lets queued acks run and due timers fire. */
  const settle = async (wallMs = 0) => {
    for (let i = 0; i < 50; i++) {
      await Promise.resolve();
      host.advanceWallMs(wallMs / 50);
    }
  };
  const summary = () => events.map((e) => (e.type === 'tick' ? `tick ${e.timeMs}` : e.type === 'threshold' ? `threshold ${e.id} ${e.value}` : e.type === 'error' ? `error ${e.message}` : e.type === 'applied' ? `applied ${e.requestId} ${e.ok}` : e.type));
  return { store, challenge, bridge, events, settle, summary };
}

