import { InvariantError } from '../kernel/assert';
import { compactorOf, isSharedOnCopy, rebinderOf, type CopyOf } from '../kernel/copyHooks';
import { findPath } from './findPath';

/** A deep copy and roughly how much memory it holds. */
export interface DeepCopy<T> {
  value: T;
  /** Approximate size of the copy, bytes: what a checkpoint costs to keep. */
  bytes: number;
}

// Rough V8 costs, enough to compare checkpoints and bound their sum.
const OBJECT_BYTES = 32;
const SLOT_BYTES = 8;

/**
 * Copies `root` and everything it reaches: prototypes kept (class instances stay instances),
 * Map, Set, arrays (holes kept), typed arrays (views that shared a buffer share its copy),
 * cycles and shared references kept. Values registered with kernel/copyHooks are shared,
 * rebound or compacted. Anything else it cannot copy exactly (an unregistered function, a WeakMap, a Date...)
 * throws InvariantError naming the path from root, because sharing it would silently tie the
 * copy to the original.
 *
 * Only own enumerable properties are copied: engine state must not keep JS `#private` fields
 * or per-instance accessors (none does; prototype getters are fine).
 *
 * Iterative rather than recursive, so long linked structures cannot overflow the stack.
 */
export function deepCopy<T>(root: T): DeepCopy<T> {
  const copier = new Copier();
  try {
    const value = copier.copyOf(root);
    copier.drain();
    return { value, bytes: copier.bytes };
  } catch (error) {
    if (!(error instanceof NotCopyable)) throw error;
    const path = findPath(root, error.culprit) ?? '(unknown path)';
    throw new InvariantError(`checkpoint: cannot copy ${path}: ${error.reason}`);
  }
}

class NotCopyable extends Error {
  constructor(
    readonly culprit: unknown,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const enum Kind {
  array,
  object,
  map,
  set,
}

class Copier {
  bytes = 0;
  private readonly memo = new Map<unknown, unknown>();
  // Pending fills as flat triples (kind, source, copy): one array, no allocation per item.
  private readonly work: unknown[] = [];

  readonly copyOf: CopyOf = <V>(value: V): V => this.copy(value) as V;

  drain(): void {
    const work = this.work;
    while (work.length > 0) {
      const target = work.pop();
      const source = work.pop();
      const kind = work.pop() as Kind;
      if (kind === Kind.array) this.fillArray(source as unknown[], target as unknown[]);
      else if (kind === Kind.object) this.fillObject(source as Record<string, unknown>, target as Record<string, unknown>);
      else if (kind === Kind.map) this.fillMap(source as Map<unknown, unknown>, target as Map<unknown, unknown>);
      else this.fillSet(source as Set<unknown>, target as Set<unknown>);
    }
  }

  private copy(value: unknown): unknown {
    if (typeof value === 'object') {
      if (value === null) return value;
    } else if (typeof value === 'function') {
      return this.copyFunction(value);
    } else {
      if (typeof value === 'string') this.bytes += value.length * 2;
      return value;
    }
    const done = this.memo.get(value);
    if (done !== undefined) return done;
    return this.shell(value);
  }

  /** Creates the (still empty) copy of `source`, remembers it, and queues filling it. */
  private shell(source: object): unknown {
    if (isSharedOnCopy(source)) return this.remember(source, source);
    if (Array.isArray(source)) {
      this.bytes += OBJECT_BYTES + source.length * SLOT_BYTES;
      // slice keeps holes and an Array subclass; elements are replaced by their copies below.
      return this.queue(Kind.array, source, this.remember(source, source.slice()));
    }
    const prototype: unknown = Object.getPrototypeOf(source);
    if (prototype === Object.prototype || prototype === null) return this.copyObject(source, prototype);
    if (ArrayBuffer.isView(source)) return this.copyView(source);
    if (source instanceof Map) {
      this.bytes += OBJECT_BYTES + source.size * 3 * SLOT_BYTES;
      return this.queue(Kind.map, source, this.remember(source, withPrototype(new Map(), prototype)));
    }
    if (source instanceof Set) {
      this.bytes += OBJECT_BYTES + source.size * 2 * SLOT_BYTES;
      return this.queue(Kind.set, source, this.remember(source, withPrototype(new Set(), prototype)));
    }
    if (source instanceof ArrayBuffer) {
      this.bytes += OBJECT_BYTES + source.byteLength;
      return this.remember(source, source.slice(0));
    }
    const reason = unsupported(source);
    if (reason !== null) throw new NotCopyable(source, reason);
    const compact = compactorOf(prototype as object);
    if (compact !== undefined) return this.copyCompacted(source, prototype, compact);
    return this.copyObject(source, prototype);
  }

  /**
   * The class gave the copy's versions of some fields (typed arrays cut to their used part);
   * the rest are copied as usual. Filled at once: copy() only makes shells, so no deep recursion.
   */
  private copyCompacted(source: object, prototype: unknown, compact: (instance: object) => Record<string, unknown>): unknown {
    const copy = Object.create(prototype as object) as Record<string, unknown>;
    this.remember(source, copy);
    const fields = source as Record<string, unknown>;
    const replaced = compact(source);
    for (const key of Object.keys(replaced)) {
      const value = replaced[key];
      if (!Object.hasOwn(fields, key)) throw new InvariantError(`checkpoint: a compacted copy of ${describeClass(prototype)} names "${key}", which it does not have`);
      if (value === fields[key] && typeof value === 'object' && value !== null) {
        throw new InvariantError(`checkpoint: a compacted copy of ${describeClass(prototype)} must give a new "${key}", not share it`);
      }
      if (ArrayBuffer.isView(value)) this.bytes += 2 * OBJECT_BYTES + value.byteLength;
    }
    const keys = Object.keys(fields);
    this.bytes += OBJECT_BYTES + keys.length * SLOT_BYTES;
    for (const key of keys) copy[key] = Object.hasOwn(replaced, key) ? replaced[key] : this.copy(fields[key]);
    return copy;
  }

  private copyObject(source: object, prototype: unknown): unknown {
    const copy: unknown = Object.create(prototype as object | null);
    this.remember(source, copy);
    return this.queue(Kind.object, source, copy);
  }

  private copyView(source: ArrayBufferView): unknown {
    if (typeof SharedArrayBuffer !== 'undefined' && source.buffer instanceof SharedArrayBuffer) {
      throw new NotCopyable(source, 'a view of a SharedArrayBuffer is shared with other threads');
    }
    // Through the buffer's copy, so two views of one buffer still alias each other in the copy.
    const buffer = this.copy(source.buffer) as ArrayBuffer;
    this.bytes += OBJECT_BYTES;
    if (source instanceof DataView) return this.remember(source, new DataView(buffer, source.byteOffset, source.byteLength));
    const View = source.constructor as new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView;
    return this.remember(source, new View(buffer, source.byteOffset, (source as unknown as { length: number }).length));
  }

  private copyFunction(fn: object): unknown {
    const done = this.memo.get(fn);
    if (done !== undefined) return done;
    if (isSharedOnCopy(fn)) return this.remember(fn, fn);
    const rebind = rebinderOf(fn);
    if (rebind === undefined) {
      throw new NotCopyable(fn, 'a function that is neither shared (shareOnCopy) nor rebound (rebindOnCopy) would keep using the original state');
    }
    return this.remember(fn, rebind(this.copyOf));
  }

  private remember(source: unknown, copy: unknown): unknown {
    this.memo.set(source, copy);
    return copy;
  }

  private queue(kind: Kind, source: unknown, copy: unknown): unknown {
    this.work.push(kind, source, copy);
    return copy;
  }

  private fillArray(source: unknown[], copy: unknown[]): void {
    for (let i = 0; i < source.length; i++) {
      const item = source[i];
      if ((typeof item === 'object' && item !== null) || typeof item === 'function') copy[i] = this.copy(item);
    }
  }

  private fillObject(source: Record<string, unknown>, copy: Record<string, unknown>): void {
    const keys = Object.keys(source);
    this.bytes += OBJECT_BYTES + keys.length * SLOT_BYTES;
    for (const key of keys) copy[key] = this.copy(source[key]);
  }

  private fillMap(source: Map<unknown, unknown>, copy: Map<unknown, unknown>): void {
    for (const [key, item] of source) copy.set(this.copy(key), this.copy(item));
  }

  private fillSet(source: Set<unknown>, copy: Set<unknown>): void {
    for (const item of source) copy.add(this.copy(item));
  }
}

function describeClass(prototype: unknown): string {
  const name: unknown = (prototype as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'an object';
}

function withPrototype<T extends object>(value: T, prototype: unknown): T {
  if (Object.getPrototypeOf(value) !== prototype) Object.setPrototypeOf(value, prototype as object);
  return value;
}

/** Why `value` cannot be copied field by field, or null when it can. */
function unsupported(value: object): string | null {
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof WeakRef) return 'a weak collection cannot be enumerated';
  if (value instanceof Promise) return 'a promise belongs to the host, not to the simulation';
  if (value instanceof Date || value instanceof RegExp) return `a ${value.constructor.name} keeps internal state its fields do not show`;
  return null;
}
