/**
 * Just enough of java.util.HashMap to reproduce its iteration order, because Kafka's sticky assignors
 * break ties by iterating HashMaps (of member ids, topics and TopicPartitions) and we want Kafka's exact lists.
 *
 * Iteration order of a real HashMap is: bucket index `spread(hash) & (capacity - 1)` ascending, and within
 * a bucket the order the keys were inserted (a resize splits each bucket into a low and a high half and
 * keeps both halves in their old relative order, so it never reorders keys that share a bucket). So the
 * order is fully determined by each key's hash, its insertion sequence and the current capacity; we keep
 * those and sort when iterated. Capacity follows Java (OpenJDK 8–21): lazily 16 (or tableSizeFor of the
 * requested initial capacity), doubled when size exceeds 0.75 × capacity, and also doubled when one bucket
 * reaches 9 keys while capacity < 64 (treeifyBin resizes instead of treeifying small tables).
 *
 * Not emulated: a bucket of ≥ 9 keys in a table of ≥ 64 becomes a red-black tree whose iteration order
 * differs. That needs 9+ keys whose spread hashes collide in their low 6+ bits; we never see it with the
 * group sizes a simulation runs, and `treeified` records it so callers could notice.
 */

const DEFAULT_CAPACITY = 16;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;
const MAXIMUM_CAPACITY = 1 << 30;

/** java.lang.String.hashCode: s[0]*31^(n-1) + … + s[n-1] over UTF-16 code units, in 32-bit int arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** org.apache.kafka.common.TopicPartition.hashCode: 31 * (31 + partition) + topic.hashCode(). */
export function topicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, (31 + partition) | 0) + javaStringHash(topic)) | 0;
}

/** java.lang.String.compareTo's sign: JavaScript also compares strings by UTF-16 code units. */
export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** HashMap.tableSizeFor: the smallest power of two ≥ cap (1 for cap ≤ 1). */
export function tableSizeFor(cap: number): number {
  let n = 1;
  while (n < cap && n < MAXIMUM_CAPACITY) n *= 2;
  return n;
}

/** HashMap.hash: spreads the high bits down because the table index uses only the low bits. */
function spread(h: number): number {
  return (h ^ (h >>> 16)) | 0;
}

interface Entry<K, V> {
  key: K;
  value: V;
  spreadHash: number;
  insertionSeq: number;
}

/**
 * A map whose `keys()`/`entries()` come out in java.util.HashMap's order. Keys are compared like a JS Map
 * (strings by value, objects by identity: intern objects that Java would compare with equals()).
 */
export class JavaHashMap<K, V> {
  private readonly byKey = new Map<K, Entry<K, V>>();
  /** 0 until the first put, as Java allocates the table lazily. */
  private capacity = 0;
  /** The capacity the first put allocates (Java keeps it in `threshold` until then). */
  private readonly initialCapacity: number;
  private nextSeq = 0;
  /** Set once a bucket would have become a red-black tree, whose order this class does not emulate. */
  treeified = false;

  /** @param initialCapacity as `new HashMap<>(initialCapacity)`; omitted = `new HashMap<>()`. */
  constructor(
    private readonly hashOf: (key: K) => number,
    initialCapacity?: number,
  ) {
    this.initialCapacity = initialCapacity === undefined ? DEFAULT_CAPACITY : tableSizeFor(initialCapacity);
  }

  get size(): number {
    return this.byKey.size;
  }

  has(key: K): boolean {
    return this.byKey.has(key);
  }

  get(key: K): V | undefined {
    return this.byKey.get(key)?.value;
  }

  /** HashMap.put: replacing a present key's value keeps its place. */
  set(key: K, value: V): this {
    const present = this.byKey.get(key);
    if (present) {
      present.value = value;
      return this;
    }
    if (this.capacity === 0) this.capacity = this.initialCapacity;
    const spreadHash = spread(this.hashOf(key));
    const bucket = spreadHash & (this.capacity - 1);
    let inBucket = 0;
    for (const e of this.byKey.values()) if ((e.spreadHash & (this.capacity - 1)) === bucket) inBucket++;
    this.byKey.set(key, { key, value, spreadHash, insertionSeq: this.nextSeq++ });
    // putVal appends at binCount = inBucket - 1 and treeifies when binCount >= TREEIFY_THRESHOLD - 1.
    if (inBucket >= TREEIFY_THRESHOLD) {
      if (this.capacity < MIN_TREEIFY_CAPACITY) this.capacity *= 2;
      else this.treeified = true;
    }
    if (this.byKey.size > Math.floor(this.capacity * 0.75) && this.capacity < MAXIMUM_CAPACITY) this.capacity *= 2;
    return this;
  }

  delete(key: K): boolean {
    return this.byKey.delete(key);
  }

  /** Entries in HashMap iteration order (a snapshot: mutating the map while iterating is safe here). */
  entries(): [K, V][] {
    const mask = this.capacity - 1;
    return [...this.byKey.values()]
      .sort((a, b) => (a.spreadHash & mask) - (b.spreadHash & mask) || a.insertionSeq - b.insertionSeq)
      .map((e) => [e.key, e.value]);
  }

  keys(): K[] {
    return this.entries().map(([k]) => k);
  }

  values(): V[] {
    return this.entries().map(([, v]) => v);
  }
}

/** A java.util.HashSet (a HashMap with dummy values), for its iteration order. */
export class JavaHashSet<K> {
  private readonly map: JavaHashMap<K, true>;

  constructor(hashOf: (key: K) => number, initialCapacity?: number) {
    this.map = new JavaHashMap(hashOf, initialCapacity);
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  add(key: K): this {
    this.map.set(key, true);
    return this;
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  /** Elements in HashSet iteration order. */
  values(): K[] {
    return this.map.keys();
  }
}

/**
 * Iteration order of a String-keyed HashMap filled in the given order, e.g. the member-id keyed subscriptions
 * map Kafka's leader builds. @param initialCapacity as `new HashMap<>(initialCapacity)`; omitted = default
 */
export function javaHashOrder(keys: readonly string[], initialCapacity?: number): string[] {
  const map = new JavaHashMap<string, true>(javaStringHash, initialCapacity);
  for (const k of keys) map.set(k, true);
  return map.keys();
}
