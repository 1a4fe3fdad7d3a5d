import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../engine';
import balanced from '../../content/scenarios/balanced.json' with { type: 'json' };
import consumerCrash from '../../content/scenarios/consumer-crash.json' with { type: 'json' };
import { encodeBase64url } from './base64url';
import { createSharePayload, validatePayload, type DecodeResult } from './payload';
import { decodeShareText, encodeShareFragment } from './shareLink';
import type { ShareErrorKind } from './shareError';
import { zlibSync } from 'fflate';

/**
 * Fuzzing share links: start from real links and break them the ways chat apps, editors and
 * attackers do. Every result must be a whole, valid run or an explained error: no exception,
 * no internal error, no run that would not pass the checks again (nothing half-loaded).
 */

const SEED = 20_240_917;
const ITERATIONS = 100_000;

/** mulberry32: small, seeded, and fast enough for 100k cases. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ODD_CHARS = ['=', '+', '/', '%', ' ', '\n', '#', '&', 'é', '😀', '\u0000', '"', '<'];
const KINDS: readonly ShareErrorKind[] = ['empty', 'too-long', 'not-base64url', 'corrupt', 'too-large', 'not-text', 'not-json', 'not-a-run', 'unknown-format', 'scenario', 'actions', 'seed', 'start', 'speed'];

const seeds = [
  createSharePayload({ scenario: balanced }),
  createSharePayload({ scenario: consumerCrash, seed: 77, startMs: 12_000, speed: 4, actions: [
    { timeMs: 1000, events: 500, change: { type: 'consumer-add', group: 'ledger', count: 1 } },
    { timeMs: 5000, events: 2500, change: { type: 'set-rate', producer: 'gateway', ratePerSec: 900 } },
  ] }),
];
const links = seeds.map((payload) => {
  const encoded = encodeShareFragment(payload);
  if (!encoded.ok) throw new Error('seed link too long');
  return encoded.fragment.slice('#run='.length);
});

// Level 1: a valid zlib stream like any other, and ten times cheaper than the links' level 9.
const compress = (text: string) => encodeBase64url(zlibSync(new TextEncoder().encode(text), { level: 1 }));

/** Structural mutations of a valid payload, re-encoded validly: they reach the payload checks. */
function mutatePayload(random: ReturnType<typeof createRandom>): string {
  const doc = structuredClone(random.pick(seeds)) as unknown as Record<string, unknown>;
  const oddValues: unknown[] = [null, -1, 0, 1.5, 2 ** 53, Infinity, '', 'x'.repeat(300), [], {}, true, '<img src=x onerror=alert(1)>', { __proto__: { polluted: true } }];
  const fields = ['format', 'engineVersion', 'scenario', 'seed', 'actions', 'startMs', 'speed', '__proto__', 'constructor', 'extra'];
  const steps = 1 + random.int(3);
  for (let i = 0; i < steps; i++) {
    const field = random.pick(fields);
    const roll = random.int(4);
    if (roll === 0) delete doc[field];
    else if (roll === 1) doc[field] = random.pick(oddValues);
    else if (roll === 2 && typeof doc.scenario === 'object' && doc.scenario !== null) {
      const scenario = { ...(doc.scenario as Record<string, unknown>) };
      scenario[random.pick(['topics', 'producers', 'durationMs', 'title', 'version', 'seed'])] = random.pick(oddValues);
      doc.scenario = scenario;
    } else doc.actions = [{ timeMs: random.int(70_000) - 5, events: random.int(1000), change: random.pick([{ type: 'set-rate' }, {}, null, { type: 'x'.repeat(random.int(3)) }]) }];
  }
  let text = JSON.stringify(doc);
  // Sometimes not even JSON any more.
  if (random.int(5) === 0) text = text.slice(0, random.int(text.length));
  return compress(text);
}

/** Mutations, weighted so that the cheap ones that reach early stages dominate and every stage is reached. */
function mutate(random: ReturnType<typeof createRandom>): string {
  const link = random.pick(links);
  const roll = random.int(100);
  if (roll < 25) {
    // Flip bits in the compressed bytes and re-encode: reaches inflate and the checksum.
    const bytes = Buffer.from(link, 'base64url');
    const flips = 1 + random.int(4);
    for (let i = 0; i < flips; i++) bytes[random.int(bytes.length)]! ^= 1 << random.int(8);
    return bytes.toString('base64url');
  }
  if (roll < 40) {
    // Cut short, the way a chat app or a line break does.
    return link.slice(0, random.int(link.length));
  }
  if (roll < 60) {
    // One character changed, inserted or dropped, from the alphabet or not.
    const at = random.int(link.length);
    const char = random.int(3) === 0 ? random.pick(ODD_CHARS) : ALPHABET[random.int(64)]!;
    const cut = random.int(3);
    return link.slice(0, at) + (cut === 2 ? '' : char) + link.slice(at + (cut === 0 ? 0 : 1));
  }
  if (roll < 80) {
    // Random base64url of random length.
    let text = '';
    const length = random.int(400);
    for (let i = 0; i < length; i++) text += ALPHABET[random.int(64)]!;
    return text;
  }
  if (roll < 88) {
    // Valid zlib of garbage: random bytes (rarely text), or JSON that is not a run.
    return random.int(2) === 0
      ? encodeBase64url(zlibSync(Uint8Array.from({ length: random.int(200) }, () => random.int(256)), { level: 1 }))
      : compress(random.pick(['', 'null', '[]', '"run"', '{', '1e999', '{"format":1}', '{"format":1,"engineVersion":"0.1.0"}', '\uFEFF{}', 'true']));
  }
  // Few, because each one runs the scenario parser: 2% is still 2,000 structurally broken runs.
  if (roll < 90) return mutatePayload(random);
  // Two links glued together, or a link with junk after it.
  return link + (random.int(2) === 0 ? random.pick(links) : random.pick(ODD_CHARS));
}

/** The result's kind; throws when it is neither a whole run nor an explained error. */
function checkResult(result: DecodeResult): string {
  if (result.ok) {
    // A run that loads must be whole: it passes every check again, unchanged.
    const again = validatePayload(structuredClone(result.run.payload), 'link');
    expect(again.ok && again.run.payload).toEqual(result.run.payload);
    expect(result.run.engineMismatch === null).toBe(result.run.payload.engineVersion === ENGINE_VERSION);
    return 'ok';
  }
  // Plain checks, not expect(): this runs 100,000 times.
  const { error } = result;
  if (!KINDS.includes(error.kind)) throw new Error(`unknown error kind ${error.kind}`);
  if (error.message.length < 10 || error.message.includes('internal error')) throw new Error(`unexplained error: ${error.message}`);
  return error.kind;
}

describe('share link fuzzing', () => {
  it(`decodes ${ITERATIONS.toLocaleString('en')} mutated links without one exception, each a whole run or an explained error (seed ${SEED})`, () => {
    const random = createRandom(SEED);
    const seen = new Map<string, number>();
    for (let i = 0; i < ITERATIONS; i++) {
      const text = mutate(random);
      let result: DecodeResult;
      try {
        result = decodeShareText(text);
      } catch (error) {
        throw new Error(`case ${i} (seed ${SEED}) threw on ${JSON.stringify(text.slice(0, 200))}: ${String(error)}`, { cause: error });
      }
      const kind = checkResult(result);
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
    }
    // The mutations reach every stage, not just the first check.
    for (const kind of ['ok', 'empty', 'not-base64url', 'corrupt', 'not-text', 'not-json', 'not-a-run', 'unknown-format', 'scenario', 'actions', 'seed', 'start', 'speed'] as const) {
      expect(seen.get(kind) ?? 0, `results of kind ${kind}: ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
    }
  });
});
