import { SeriesRing } from './series';
import { partitionLag } from './summary';
import type { World } from '../kafka/world';

/** Samples kept per series: 100 ms apart, about 13.6 simulated minutes. */
const SAMPLES_MAX = 8192;
/** Bound on all per-partition series together, so 1024-partition scenarios stay small. */
const PARTITION_SAMPLES_BUDGET = 4_000_000;

/**
 * The time series a chart draws, sampled at a fixed simulated interval into bounded rings.
 * Per group: total lag and lag per partition of its topics; overall: records produced and
 * processed per interval.
 */
export class SeriesSet {
  readonly timeMs: SeriesRing;
  readonly produced: SeriesRing;
  readonly processed: SeriesRing;
  readonly groupLag: Map<string, SeriesRing> = new Map();
  /** Keyed by group id, then by global partition index. */
  readonly partitionLag: Map<string, Map<number, SeriesRing>> = new Map();
  private readonly perPartitionCapacity: number;
  private lastProduced = 0;
  private lastProcessed = 0;

  constructor(world: World) {
    this.timeMs = new SeriesRing(SAMPLES_MAX);
    this.produced = new SeriesRing(SAMPLES_MAX);
    this.processed = new SeriesRing(SAMPLES_MAX);
    let partitionSeries = 0;
    for (const group of world.groups) {
      for (const t of group.topicIndexes) partitionSeries += world.topics[t]!.partitions.length;
    }
    const perPartitionCapacity = (this.perPartitionCapacity = Math.max(64, Math.min(SAMPLES_MAX, Math.floor(PARTITION_SAMPLES_BUDGET / Math.max(1, partitionSeries)))));
    for (const group of world.groups) {
      this.groupLag.set(group.spec.id, new SeriesRing(SAMPLES_MAX));
      const perPartition = new Map<number, SeriesRing>();
      for (const t of group.topicIndexes) {
        for (const p of world.topics[t]!.partitions) perPartition.set(p, new SeriesRing(perPartitionCapacity));
      }
      this.partitionLag.set(group.spec.id, perPartition);
    }
  }

  sample(world: World): void {
    this.timeMs.push(world.scheduler.nowUs / 1000);
    this.produced.push(world.produced - this.lastProduced);
    this.lastProduced = world.produced;
    let processed = 0;
    for (const group of world.groups) {
      processed += group.processed;
      let total = 0;
      const perPartition = this.partitionLag.get(group.spec.id)!;
      for (const t of group.topicIndexes) {
        // Topics can gain partitions during a run.
        for (const p of world.topics[t]!.partitions) if (!perPartition.has(p)) perPartition.set(p, new SeriesRing(this.perPartitionCapacity));
      }
      for (const [globalPartition, ring] of perPartition) {
        const lag = partitionLag(world, group, globalPartition);
        ring.push(lag);
        total += lag;
      }
      this.groupLag.get(group.spec.id)!.push(total);
    }
    this.processed.push(processed - this.lastProcessed);
    this.lastProcessed = processed;
  }
}
