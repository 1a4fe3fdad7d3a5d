/**
 * The embed's side of the postMessage API: commands from the host become store actions, and
 * what the store shows becomes events for the host. No DOM here: the page wires `receive` to
 * `message` events and `post` to `window.parent.postMessage`, so Node tests drive it directly.
 *
 * Lifecycle: created with the store → `receive` any number of messages → `dispose` unsubscribes;
 * after that, messages are ignored and no event is posted.
 */
import { ENGINE_VERSION, type Change } from '../engine';
import type { AppState, AppStore } from '../app/store';
import type { ChallengeState, ChallengeStore } from './challengeStore';
import { EMBED_API_VERSION, parseEmbedCommand, pickMetrics, type EmbedCommand, type EmbedEvent, type MetricName, type Threshold } from './protocol';

export interface BridgeOptions {
  store: AppStore;
  /** Delivers an event to the host page. */
  post(event: EmbedEvent): void;
  /** Simulated time between two `tick` events at first, ms; 0: none until `configure` asks. */
  tickEveryMs: number;
  /** The embed's challenge, when it shows one: its grades become `challenge-graded` and `check` grades. */
  challenge?: ChallengeStore;
}

export interface EmbedBridge {
  /** Handles one message from the host: a valid command acts, anything else is answered with `error`. */
  receive(data: unknown): void;
  dispose(): void;
}

interface Watch {
  threshold: Threshold;
  /** Whether the condition held at the last frame; null before the first frame after `configure`. */
  held: boolean | null;
}

export function createEmbedBridge({ store, post, tickEveryMs: initialTickEveryMs, challenge }: BridgeOptions): EmbedBridge {
  let tickEveryMs = initialTickEveryMs;
  /** Index of the tick interval the last tick fell in, so that one tick is sent per interval. */
  let lastTickInterval: number | null = null;
  let lastTickTimeMs = -1;
  let watches: Watch[] = [];
  let nextApply = 1;
  /** `apply` commands waiting for the engine's answer: knob id → the host's request id. */
  const pendingApplies = new Map<string, number | undefined>();
  let disposed = false;

  const send = (event: DistributiveOmit<EmbedEvent, 'queuelab'>) => {
    if (!disposed) post({ queuelab: EMBED_API_VERSION, ...event } as EmbedEvent);
  };

  function act(command: EmbedCommand): void {
    const state = store.getState();
    switch (command.type) {
      case 'play':
        if (command.speed !== undefined) state.setSpeed(command.speed);
        state.play();
        return;
      case 'pause':
        state.pause();
        return;
      case 'step':
        state.step();
        return;
      case 'seek':
        state.runTo(command.timeMs);
        return;
      case 'apply': {
        const knobId = `embed:${nextApply++}`;
        pendingApplies.set(knobId, command.requestId);
        // The engine checks every field of the change and answers in words; `applied` carries them.
        state.apply(knobId, command.change as unknown as Change);
        return;
      }
      case 'load':
        if (command.builtinId !== undefined) state.loadBuiltin(command.builtinId, command.seed);
        else state.loadRun('the scenario from the host page', command.scenario, command.seed);
        return;
      case 'configure':
        if (command.tickEveryMs !== undefined) {
          tickEveryMs = command.tickEveryMs;
          lastTickInterval = null;
        }
        if (command.thresholds !== undefined) watches = command.thresholds.map((threshold) => ({ threshold, held: null }));
        return;
      case 'check':
        if (!challenge?.getState().check()) send({ type: 'error', message: 'The command "check" was ignored: the loaded scenario has no challenge.', problems: [{ path: 'type', message: 'check needs a scenario with a "challenge" section' }] });
        return;
    }
  }

  function onState(state: AppState, previous: AppState): void {
    if (state.scenario !== previous.scenario && state.scenario) {
      const { title, durationMs, seed } = state.scenario;
      lastTickInterval = null;
      lastTickTimeMs = -1;
      for (const watch of watches) watch.held = null;
      send({ type: 'ready', title, durationMs, seed, engineVersion: ENGINE_VERSION });
    }
    if (state.snapshot !== previous.snapshot && state.snapshot) onFrame(state);
    if (state.finishedTraceHash && !previous.finishedTraceHash && state.snapshot) {
      send({ type: 'finished', timeMs: state.snapshot.timeMs, traceHash: state.finishedTraceHash, metrics: pickMetrics(state.snapshot.metrics as unknown as Record<string, unknown>) });
    }
    if (state.error && state.error !== previous.error) {
      send({ type: 'error', message: state.error.message, problems: state.error.scenarioErrors.map((e) => ({ path: e.path, message: e.message })) });
    }
    if (state.knobFeedback !== previous.knobFeedback) {
      for (const [knobId, requestId] of pendingApplies) {
        const feedback = state.knobFeedback[knobId];
        if (!feedback || feedback.state === 'pending') continue;
        pendingApplies.delete(knobId);
        send(feedback.state === 'applied' ? { type: 'applied', requestId, ok: true } : { type: 'applied', requestId, ok: false, error: feedback.message });
      }
    }
  }

  function onFrame(state: AppState): void {
    const snapshot = state.snapshot!;
    const metrics = pickMetrics(snapshot.metrics as unknown as Record<string, unknown>);
    const timeMs = snapshot.timeMs;
    if (tickEveryMs > 0) {
      const interval = Math.floor(timeMs / tickEveryMs);
      // Going back in time (a seek re-runs from 0) starts the intervals over.
      if (interval !== lastTickInterval || timeMs < lastTickTimeMs) {
        lastTickInterval = interval;
        send({ type: 'tick', timeMs, status: state.status, metrics });
      }
    }
    lastTickTimeMs = timeMs;
    for (const watch of watches) {
      const { threshold } = watch;
      const value = metrics[threshold.metric as MetricName];
      const holds = threshold.above !== undefined ? value > threshold.above : value < threshold.below!;
      if (holds && watch.held !== true) {
        send({ type: 'threshold', id: threshold.id, metric: threshold.metric, value, ...(threshold.above !== undefined ? { above: threshold.above } : { below: threshold.below! }), timeMs });
      }
      watch.held = holds;
    }
  }

  function onChallenge(state: ChallengeState, previous: ChallengeState): void {
    if (state.grading === previous.grading || state.grading.state !== 'done') return;
    send({ type: 'challenge-graded', ...state.grading.grade });
  }

  const unsubscribeStore = store.subscribe(onState);
  const unsubscribeChallenge = challenge?.subscribe(onChallenge);
  const unsubscribe = () => {
    unsubscribeStore();
    unsubscribeChallenge?.();
  };

  return {
    receive(data) {
      if (disposed) return;
      const parsed = parseEmbedCommand(data);
      if (!parsed.ok) {
        send({ type: 'error', message: parsed.message, problems: parsed.problems });
        return;
      }
      act(parsed.command);
    },
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
