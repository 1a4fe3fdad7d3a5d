/**
 * The embed's postMessage API, version 1. A host page sends commands to the iframe with
 * `frame.contentWindow.postMessage({ queuelab: 1, type: 'play' }, embedOrigin)`; the embed posts
 * events back to its parent. Both directions are validated with these schemas: a host can check
 * what it receives the same way the embed checks what it is sent.
 *
 * Every message carries `queuelab: 1` (the API version), so a page that talks to several frames
 * can tell Queuelab's messages apart, and a later version can change shapes without confusion.
 */
import { z } from 'zod';
import { SPEED_MAX, SPEED_MIN } from '../worker/protocol';
import { TICK_EVERY_MS_MAX } from './options';

/** The API version this embed speaks. */
export const EMBED_API_VERSION = 1;

/** The metrics a host can read in `tick` and watch with thresholds, by their path in `sim.metrics()`. */
export const METRIC_NAMES = [
  'produced',
  'acknowledged',
  'delivered',
  'processed',
  'duplicates',
  'redelivered',
  'lost',
  'deadLettered',
  'pending',
  'lag.total',
  'lag.max',
  'latencyMs.mean',
  'latencyMs.p50',
  'latencyMs.p95',
  'latencyMs.p99',
  'rebalances.count',
  'rebalances.totalPauseMs',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Most thresholds one host may watch at once. */
export const THRESHOLDS_MAX = 50;

const version = z.literal(EMBED_API_VERSION, { error: `queuelab must be ${EMBED_API_VERSION}, the API version this embed speaks` });
const requestId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('Echoed in the answer, to match it to the command.');
const metricName = z.enum(METRIC_NAMES, { error: `metric must be one of ${METRIC_NAMES.join(', ')}` });

/** A metric crossing a value: fires when the condition becomes true (also at once if it already is), re-arms when it becomes false. */
export const thresholdSchema = z
  .strictObject({
    /** The host's name for it, echoed in the `threshold` event. */
    id: z.string().min(1).max(100),
    metric: metricName,
    /** Fires when the metric goes above this value. */
    above: z.number().finite().optional(),
    /** Fires when the metric goes below this value. */
    below: z.number().finite().optional(),
  })
  .refine((t) => (t.above === undefined) !== (t.below === undefined), { message: 'a threshold has exactly one of above or below' });
export type Threshold = z.infer<typeof thresholdSchema>;

/** A command from the host page. */
export const embedCommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ queuelab: version, type: z.literal('play'), speed: z.number().min(SPEED_MIN).max(SPEED_MAX).optional() }),
    z.strictObject({ queuelab: version, type: z.literal('pause') }),
    /** Processes the next simulation event (pausing first). */
    z.strictObject({ queuelab: version, type: z.literal('step') }),
    /** Runs (or re-runs from 0, exactly) to a simulated time, ms, then pauses. */
    z.strictObject({ queuelab: version, type: z.literal('seek'), timeMs: z.number().finite().min(0) }),
    /** A live change, in the engine's Change shape (see the README); answered by `applied`. */
    z.strictObject({ queuelab: version, type: z.literal('apply'), requestId, change: z.looseObject({ type: z.string().min(1).max(50) }) }),
    /** Loads a built-in scenario by id, or a scenario document; answered by `ready` or `error`. */
    z.strictObject({
      queuelab: version,
      type: z.literal('load'),
      builtinId: z.string().min(1).max(100).optional(),
      scenario: z.unknown().optional(),
      seed: z.number().int().min(0).max(4_294_967_295).optional(),
    }).refine((c) => (c.builtinId === undefined) !== (c.scenario === undefined), { message: 'load takes exactly one of builtinId or scenario' }),
    /** How often to send `tick` (simulated ms; 0 stops ticks) and which thresholds to watch (replacing earlier ones). */
    z.strictObject({
      queuelab: version,
      type: z.literal('configure'),
      tickEveryMs: z.number().int().min(0).max(TICK_EVERY_MS_MAX).optional(),
      thresholds: z.array(thresholdSchema).max(THRESHOLDS_MAX).optional(),
    }),
    /** Grades the scenario's challenge with the learner's current settings (running to its time first), as the Check button does; answered by `challenge-graded`, or `error` when the scenario has none. */
    z.strictObject({ queuelab: version, type: z.literal('check') }),
  ],
  { error: 'type must be one of play, pause, step, seek, apply, load, configure, check' },
);
export type EmbedCommand = z.infer<typeof embedCommandSchema>;

const metricsSchema = z.record(metricName, z.number());

/** A goal or constraint of a challenge and how the learner's run fared against it. */
const conditionSchema = z.strictObject({
  /** The condition's id in the scenario's challenge. */
  id: z.string(),
  /** The condition in the scenario's words. */
  label: z.string(),
  ok: z.boolean(),
  /** What was observed, in words. */
  detail: z.string(),
});

/** An event to the host page. */
export const embedEventSchema = z.discriminatedUnion('type', [
  /** A scenario is loaded and paused at 0 (after every load). */
  z.strictObject({ queuelab: version, type: z.literal('ready'), title: z.string(), durationMs: z.number(), seed: z.number(), engineVersion: z.string() }),
  /** Simulated time passed another `tickEveryMs` (or the run was re-run from 0): where it is now. */
  z.strictObject({ queuelab: version, type: z.literal('tick'), timeMs: z.number(), status: z.string(), metrics: metricsSchema }),
  /** The run reached its duration. */
  z.strictObject({ queuelab: version, type: z.literal('finished'), timeMs: z.number(), traceHash: z.string(), metrics: metricsSchema }),
  /** A watched metric crossed its value. */
  z.strictObject({
    queuelab: version,
    type: z.literal('threshold'),
    id: z.string(),
    metric: metricName,
    value: z.number(),
    above: z.number().optional(),
    below: z.number().optional(),
    timeMs: z.number(),
  }),
  /** The learner pressed Check (or the host sent `check`) and the challenge was graded. */
  z.strictObject({
    queuelab: version,
    type: z.literal('challenge-graded'),
    passed: z.boolean(),
    /** Simulated time the run was graded at (the challenge's runUntilMs), ms. */
    timeMs: z.number(),
    /** The learner's settings: knob path in the scenario → value. */
    settings: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
    /** Each goal, with the measured value at timeMs (null when the metrics have none). */
    goals: z.array(conditionSchema.extend({ value: z.number().nullable() })),
    constraints: z.array(conditionSchema),
    /** Why the run could not happen; empty when it ran. */
    errors: z.array(z.string()),
    /** One sentence, as the learner reads it. */
    feedback: z.string(),
  }),
  /** The answer to `apply`. */
  z.strictObject({ queuelab: version, type: z.literal('applied'), requestId: z.number().optional(), ok: z.boolean(), error: z.string().optional() }),
  /** Something went wrong: a command that was not understood (and was ignored), a scenario that did not load, a stopped run. */
  z.strictObject({
    queuelab: version,
    type: z.literal('error'),
    message: z.string(),
    /** Each problem with where it is: a path in the command, or in the scenario. */
    problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  }),
]);
export type EmbedEvent = z.infer<typeof embedEventSchema>;

export type CommandResult = { ok: true; command: EmbedCommand } | { ok: false; message: string; problems: { path: string; message: string }[] };

/** Validates a message from the host. Never throws. */
export function parseEmbedCommand(data: unknown): CommandResult {
  if (typeof data !== 'object' || data === null || !('queuelab' in data)) {
    return { ok: false, message: 'Not a Queuelab command: send an object like { queuelab: 1, type: "play" }.', problems: [{ path: '', message: 'must be an object with queuelab: 1 and a type' }] };
  }
  const result = embedCommandSchema.safeParse(data);
  if (result.success) return { ok: true, command: result.data };
  const problems = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const rawType: unknown = (data as { type?: unknown }).type;
  const type = typeof rawType === 'string' ? JSON.stringify(rawType.slice(0, 50)) : 'without a type';
  return { ok: false, message: `The command ${type} was ignored: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}.`, problems };
}

/** The metrics a host sees, flattened by METRIC_NAMES. */
export function pickMetrics(metrics: { [key: string]: unknown }): Record<MetricName, number> {
  const picked = {} as Record<MetricName, number>;
  for (const name of METRIC_NAMES) {
    let value: unknown = metrics;
    for (const key of name.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    picked[name] = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }
  return picked;
}
