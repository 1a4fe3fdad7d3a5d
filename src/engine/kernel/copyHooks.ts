/**
 * How the state a simulation owns tells a checkpoint's deep copy (checkpoint/deepCopy.ts) what
 * it cannot work out alone. Everything else is copied generically, so a field added later is
 * copied without anyone remembering to.
 *
 * - shared: immutable values (a state machine's definition, a module-level function) that every
 *   copy may point at; copying them would waste memory or be impossible.
 * - rebound: closures over state (a sampler over an rng). A copy must draw from the COPY of that
 *   state, never from the original, so the closure registers how to rebuild itself from copies.
 *
 * - compacted: instances of a class whose typed arrays grow by doubling and are only partly used
 *   (a heap's `count` slots of its `capacity`, a ring's live span). The class says how to build
 *   the copy's versions of those fields (cut to the used part, with the counters that describe
 *   them); every other field is still copied generically. A compacted copy only changes how much
 *   memory the copy holds, never what the run does next.
 *
 * A function that is neither shared nor rebound makes the copy fail loudly, naming where it was found.
 */

/** Maps a value of the original state to its copy (the same copy every time it is asked). */
export type CopyOf = <T>(value: T) => T;

/** Rebuilds a closure so that it closes over copies of what the original closed over. */
export type Rebind<F> = (copyOf: CopyOf) => F;

const sharedValues = new WeakSet<object>();
const sharedPrototypes = new WeakSet<object>();
const rebinders = new WeakMap<object, Rebind<unknown>>();
const compactors = new WeakMap<object, Compact<never>>();

/**
 * Builds a copy's versions of some fields of `instance`: field name → new value. Typed arrays it
 * returns must be new (never the instance's own), because the copy keeps them as they are.
 */
export type Compact<T> = (instance: T) => Record<string, unknown>;

/** Declares `value` (an object or a stateless function) immutable: copies share it. Returns it. */
export function shareOnCopy<T extends object>(value: T): T {
  sharedValues.add(value);
  return value;
}

/** Declares every instance of the class whose prototype this is immutable: copies share them. */
export function shareInstancesOnCopy(prototype: object): void {
  sharedPrototypes.add(prototype);
}

/** Declares how the closure `fn` is rebuilt over copied state. Returns fn. */
export function rebindOnCopy<F extends object>(fn: F, rebind: Rebind<F>): F {
  rebinders.set(fn, rebind);
  return fn;
}

/** Whether copies share `value` instead of copying it. */
export function isSharedOnCopy(value: object): boolean {
  if (sharedValues.has(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== null && sharedPrototypes.has(prototype as object);
}

/** How the closure `fn` rebuilds itself over copies, if it said. */
export function rebinderOf(fn: object): Rebind<unknown> | undefined {
  return rebinders.get(fn);
}

/**
 * Declares that every instance of the class whose prototype this is gets copied with the fields
 * `compact` returns in place of its own (see Compact); the other fields are copied generically.
 */
export function compactOnCopy<T extends object>(prototype: T, compact: Compact<T>): void {
  compactors.set(prototype, compact as Compact<never>);
}

/** How instances with this prototype are compacted when copied, if their class said. */
export function compactorOf(prototype: object): Compact<object> | undefined {
  return compactors.get(prototype) as Compact<object> | undefined;
}
