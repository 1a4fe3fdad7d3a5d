/**
 * What an embed's URL asks for: `/embed/?scenario=<id>&panels=topology,metrics&knobs=producers&
 * autoplay=1&theme=dark&tick=500&speed=2&seed=7&origin=https://lms.example` (or `#run=…` for a
 * shared run). A value that does not make sense is not silently dropped: it becomes a warning the
 * embed shows, and the default is used.
 */
import { DEFAULT_SCENARIO_ID } from '../content/builtins';
import { SPEED_MAX, SPEED_MIN } from '../worker/protocol';

/** The parts of the lab an embed can show. */
export const PANELS = ['topology', 'knobs', 'metrics', 'log'] as const;
export type Panel = (typeof PANELS)[number];

/** The knob groups a learner may change in an embed. */
export const KNOB_GROUPS = ['producers', 'topics', 'groups', 'brokers'] as const;
export type KnobGroup = (typeof KNOB_GROUPS)[number];

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Simulated time between two `tick` events by default, ms. */
export const TICK_EVERY_MS_DEFAULT = 1_000;
/** Most simulated time between two `tick` events a host may ask for, ms (an hour). */
export const TICK_EVERY_MS_MAX = 3_600_000;

export interface EmbedOptions {
  /** Built-in scenario to show; ignored when the URL carries a `#run=`. */
  scenarioId: string;
  /** Panels shown, in the order given; the player controls always show. */
  panels: Panel[];
  /** Knob groups shown (and so changeable) in the knobs panel; empty: none. */
  knobs: KnobGroup[];
  /** Start playing as soon as the scenario is ready. */
  autoplay: boolean;
  /** Colours: the host's system preference (`auto`), or forced. */
  theme: Theme;
  /** Simulated time between two `tick` events to the host, ms; 0: no ticks. */
  tickEveryMs: number;
  /** Playback speed, SPEED_MIN..SPEED_MAX; absent: 1. */
  speed?: number;
  /** Seed override for a built-in scenario. */
  seed?: number;
  /** The only origin whose commands the embed obeys and to which it posts events; null: any parent. */
  hostOrigin: string | null;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  scenarioId: DEFAULT_SCENARIO_ID,
  panels: [...PANELS],
  knobs: [...KNOB_GROUPS],
  autoplay: false,
  theme: 'auto',
  tickEveryMs: TICK_EVERY_MS_DEFAULT,
  hostOrigin: null,
};

export interface ReadOptions {
  options: EmbedOptions;
  /** One sentence per value that was not understood, naming it and what was used instead. */
  warnings: string[];
}

export function readEmbedOptions(search: string): ReadOptions {
  const query = new URLSearchParams(search);
  const warnings: string[] = [];
  const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS, panels: [...PANELS], knobs: [...KNOB_GROUPS] };

  const scenario = query.get('scenario')?.trim();
  if (scenario) options.scenarioId = scenario;

  const panels = listParam(query, 'panels', PANELS, warnings);
  if (panels) options.panels = panels;
  const knobs = listParam(query, 'knobs', KNOB_GROUPS, warnings);
  if (knobs) options.knobs = knobs;

  const autoplay = query.get('autoplay');
  if (autoplay !== null) {
    if (['1', 'true', 'yes', ''].includes(autoplay)) options.autoplay = true;
    else if (['0', 'false', 'no'].includes(autoplay)) options.autoplay = false;
    else warnings.push(`autoplay=${autoplay} is not 1 or 0; not playing until asked.`);
  }

  const theme = query.get('theme');
  if (theme !== null) {
    if ((THEMES as readonly string[]).includes(theme)) options.theme = theme as Theme;
    else warnings.push(`theme=${theme} is not one of ${THEMES.join(', ')}; using auto.`);
  }

  const tick = numberParam(query, 'tick');
  if (tick !== undefined) {
    if (Number.isInteger(tick) && tick >= 0 && tick <= TICK_EVERY_MS_MAX) options.tickEveryMs = tick;
    else warnings.push(`tick=${query.get('tick')} is not a whole number of ms from 0 to ${TICK_EVERY_MS_MAX}; ticking every ${TICK_EVERY_MS_DEFAULT} ms.`);
  }

  const speed = numberParam(query, 'speed');
  if (speed !== undefined) {
    if (speed >= SPEED_MIN && speed <= SPEED_MAX) options.speed = speed;
    else warnings.push(`speed=${query.get('speed')} is not between ${SPEED_MIN} and ${SPEED_MAX}; playing at 1×.`);
  }

  const seed = numberParam(query, 'seed');
  if (seed !== undefined) {
    if (Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_295) options.seed = seed;
    else warnings.push(`seed=${query.get('seed')} is not a whole number from 0 to 4294967295; using the scenario's seed.`);
  }

  const origin = query.get('origin');
  if (origin !== null) {
    const parsed = originOf(origin);
    if (parsed) options.hostOrigin = parsed;
    else warnings.push(`origin=${origin} is not an origin like https://lms.example; talking to any parent page.`);
  }
  return { options, warnings };
}

/** The query string for options, leaving out every default so that snippets stay short. */
export function embedQuery(options: EmbedOptions): string {
  const query = new URLSearchParams();
  query.set('scenario', options.scenarioId);
  if (!sameList(options.panels, PANELS)) query.set('panels', options.panels.join(',') || 'none');
  if (!sameList(options.knobs, KNOB_GROUPS)) query.set('knobs', options.knobs.join(',') || 'none');
  if (options.autoplay) query.set('autoplay', '1');
  if (options.theme !== 'auto') query.set('theme', options.theme);
  if (options.tickEveryMs !== TICK_EVERY_MS_DEFAULT) query.set('tick', String(options.tickEveryMs));
  if (options.speed !== undefined && options.speed !== 1) query.set('speed', String(options.speed));
  if (options.seed !== undefined) query.set('seed', String(options.seed));
  if (options.hostOrigin !== null) query.set('origin', options.hostOrigin);
  // Commas read better than %2C in a snippet, and URLSearchParams parses them back the same.
  return `?${query.toString().replaceAll('%2C', ',')}`;
}

function listParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], warnings: string[]): T[] | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw.trim() === 'none') return [];
  const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) warnings.push(`${name}=${raw}: ${unknown.map((u) => JSON.stringify(u)).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of ${allowed.join(', ')}, or none.`);
  const known = items.filter((item): item is T => (allowed as readonly string[]).includes(item));
  return [...new Set(known)];
}

function numberParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : NaN;
}

function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === text.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
