/**
 * The player: what the learner asked the simulation to do, and what the worker said it does.
 *
 * States: `idle` (nothing loaded) → `loading` (a scenario was sent) → `paused` ⇄ `running`
 * (`running.playing` at a speed, or `running.fastForwarding` towards a time) → `finished` at the
 * scenario's end; `error` when the scenario was refused or the simulation stopped, until the next
 * load. User events act at once (optimistically) and send the worker a command; `sim.*` reports
 * then confirm or correct the state, so the page never waits a frame to look responsive.
 */
import { assign, setup } from 'xstate';
import type { RecordedAction } from '../../engine';
import type { PageCommand } from '../../worker/client';
import type { Report } from '../../worker/protocol';
import { SPEED_MAX, SPEED_MIN } from '../../worker/protocol';

/** Simulated time one "Step 1 s" advances, ms. */
export const STEP_SECOND_MS = 1_000;

export interface PlayerInput {
  /** Delivers a command to the simulation worker. */
  send(command: PageCommand): void;
  /** Initial playback speed (simulated per real time). */
  speed?: number;
}

export interface PlayerContext {
  send: PlayerInput['send'];
  /** Simulated time per real time while playing, SPEED_MIN..SPEED_MAX. */
  speed: number;
  /** The loaded scenario's length, ms; 0 before one is ready. */
  durationMs: number;
  /** Why the player stopped, while in `error`. */
  errorMessage: string | null;
}

export type PlayerEvent =
  /** Load a scenario document (a built-in's, a file's) with an optional seed override. */
  | { type: 'user.load'; scenarioJson: unknown; seed?: number; actions?: RecordedAction[] }
  | { type: 'user.play' }
  | { type: 'user.pause' }
  /** Play when paused, pause when running. */
  | { type: 'user.toggle' }
  /** Process exactly one simulation event. */
  | { type: 'user.step' }
  /** Advance STEP_SECOND_MS of simulated time from `fromMs`, the time now on screen. */
  | { type: 'user.stepSecond'; fromMs: number }
  /** Run as fast as the worker can to the scenario's end. */
  | { type: 'user.fastForward' }
  /** Seek to a simulated time, ms; earlier than now re-runs from 0. */
  | { type: 'user.seek'; timeMs: number }
  | { type: 'user.setSpeed'; speed: number }
  | Extract<Report, { type: 'sim.ready' | 'sim.status' | 'sim.finished' | 'sim.error' }>;

const clampSpeed = (speed: number) => Math.min(SPEED_MAX, Math.max(SPEED_MIN, Number.isFinite(speed) ? speed : 1));

export const playerMachine = setup({
  types: {} as { context: PlayerContext; events: PlayerEvent; input: PlayerInput },
  actions: {
    command: ({ context }, command: PageCommand) => context.send(command),
  },
}).createMachine({
  id: 'player',
  initial: 'idle',
  context: ({ input }) => ({ send: input.send, speed: clampSpeed(input.speed ?? 1), durationMs: 0, errorMessage: null }),
  on: {
    'user.load': {
      target: '.loading',
      actions: {
        type: 'command',
        params: ({ event }) => ({
          type: 'page.load',
          scenarioJson: event.scenarioJson,
          ...(event.seed === undefined ? {} : { seed: event.seed }),
          ...(event.actions === undefined ? {} : { actions: event.actions }),
        }),
      },
    },
    'user.setSpeed': { actions: assign({ speed: ({ event }) => clampSpeed(event.speed) }) },
    'sim.error': { target: '.error', actions: assign({ errorMessage: ({ event }) => event.message }) },
    'sim.finished': '.finished',
    'sim.status': [
      { guard: ({ event }) => event.status === 'paused', target: '.paused' },
      { guard: ({ event }) => event.status === 'playing', target: '.running.playing' },
      { target: '.running.fastForwarding' },
    ],
  },
  states: {
    idle: {
      on: { 'sim.status': {}, 'sim.finished': {} },
    },
    loading: {
      // Reports of the run being replaced may still be on their way: only `sim.ready` counts.
      on: {
        'sim.status': {},
        'sim.finished': {},
        'sim.ready': { target: 'paused', actions: assign({ durationMs: ({ event }) => event.durationMs, errorMessage: null }) },
        // A seek asked for with the load (`?runTo=`): the worker handles it right after the load.
        'user.seek': { actions: { type: 'command', params: ({ event }) => ({ type: 'page.runTo', timeMs: event.timeMs }) } },
      },
    },
    paused: {
      on: {
        'user.play': 'running.playing',
        'user.toggle': 'running.playing',
        'user.step': { actions: { type: 'command', params: { type: 'page.step', events: 1 } } },
        'user.stepSecond': {
          target: 'running.fastForwarding',
          actions: { type: 'command', params: ({ event }) => ({ type: 'page.runTo', timeMs: event.fromMs + STEP_SECOND_MS }) },
        },
        'user.fastForward': {
          target: 'running.fastForwarding',
          actions: { type: 'command', params: ({ context }) => ({ type: 'page.runTo', timeMs: context.durationMs }) },
        },
        'user.seek': { actions: { type: 'command', params: ({ event }) => ({ type: 'page.runTo', timeMs: event.timeMs }) } },
      },
    },
    running: {
      initial: 'playing',
      on: {
        'user.pause': { target: 'paused', actions: { type: 'command', params: { type: 'page.pause' } } },
        'user.toggle': { target: 'paused', actions: { type: 'command', params: { type: 'page.pause' } } },
        // Stepping pauses first: the driver does that itself.
        'user.step': { target: 'paused', actions: { type: 'command', params: { type: 'page.step', events: 1 } } },
        'user.seek': { actions: { type: 'command', params: ({ event }) => ({ type: 'page.runTo', timeMs: event.timeMs }) } },
      },
      states: {
        playing: {
          entry: { type: 'command', params: ({ context }) => ({ type: 'page.play', speed: context.speed }) },
          on: {
            'user.setSpeed': {
              actions: [
                assign({ speed: ({ event }) => clampSpeed(event.speed) }),
                // The worker keeps its clock and just changes pace.
                { type: 'command', params: ({ event }) => ({ type: 'page.play', speed: clampSpeed(event.speed) }) },
              ],
            },
            'sim.status': [
              { guard: ({ event }) => event.status === 'paused', target: '#player.paused' },
              { guard: ({ event }) => event.status === 'seeking', target: 'fastForwarding' },
              // Already playing: re-entering would send page.play again.
              {},
            ],
            'user.fastForward': {
              target: 'fastForwarding',
              actions: { type: 'command', params: ({ context }) => ({ type: 'page.runTo', timeMs: context.durationMs }) },
            },
          },
        },
        fastForwarding: {
          on: {
            // A fast-forward is interrupted by play, which continues at the chosen speed from there.
            'user.play': 'playing',
          },
        },
      },
    },
    finished: {
      on: {
        'user.seek': { actions: { type: 'command', params: ({ event }) => ({ type: 'page.runTo', timeMs: event.timeMs }) } },
      },
    },
    error: {
      on: { 'sim.status': {}, 'sim.finished': {} },
    },
  },
});
