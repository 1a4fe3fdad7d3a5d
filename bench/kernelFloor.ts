/**
 * How close the kernel's event loop comes to the fastest loop one could write by hand.
 *
 * Both functions run the same hold model (the classic event-set benchmark): keep
 * HOLD_PENDING_COUNT events pending, pop the earliest, schedule one at its time plus an
 * exponential delay (mean HOLD_MEAN_MS), eventsCount times. runFloor does it with a bare
 * typed-array heap inlined into one function; runKernel with Scheduler, createRng and the
 * exponential sampler. The floor carries the same record as the kernel (time, seq, kind, a, b)
 * and breaks ties by seq, so the ratio measures the kernel's overhead, not a smaller job.
 * The target is runKernel within 1.5× of runFloor.
 */
import { makeSampler } from '../src/engine/kernel/distributions';
import { createRng } from '../src/engine/kernel/rng';
import { Scheduler } from '../src/engine/kernel/scheduler';
import { msToUs } from '../src/engine/kernel/time';

/** Events kept pending throughout the hold loop. */
export const HOLD_PENDING_COUNT = 10_000;
/** Mean delay between an event and the one it schedules, ms. */
export const HOLD_MEAN_MS = 1;

/** Result of one timed run. */
export interface BenchResult {
  /** Events popped (each also scheduled one). */
  events: number;
  /** Wall-clock time of the hold loop, seconds (the initial fill is not timed). */
  seconds: number;
}

// Read after each run so the optimiser cannot discard the loop as dead code.
let checksum = 0;

/** The checksum of the last run (sum of popped a payloads), for sanity checks. */
export function lastChecksum(): number {
  return checksum;
}

/** Hand-written floor: one function, no class, no bounds checks, inline xorshift and sift. */
export function runFloor(eventsCount: number): BenchResult {
  const capacity = HOLD_PENDING_COUNT + 1;
  const times = new Float64Array(capacity);
  const seqs = new Float64Array(capacity);
  const as = new Float64Array(capacity);
  const bs = new Float64Array(capacity);
  const kinds = new Int32Array(capacity);
  let count = 0;
  let seqNext = 0;
  let x = 0x9e3779b9 | 0;
  let sum = 0;

  const fillUntil = HOLD_PENDING_COUNT + eventsCount;
  let started = 0n;
  for (let step = 0; step < fillUntil; step++) {
    let nowUs = 0;
    if (step >= HOLD_PENDING_COUNT) {
      if (step === HOLD_PENDING_COUNT) started = process.hrtime.bigint();
      // pop
      nowUs = times[0]!;
      sum += as[0]!;
      const last = --count;
      const lastTime = times[last]!;
      const lastSeq = seqs[last]!;
      let hole = 0;
      for (;;) {
        let child = 2 * hole + 1;
        if (child >= last) break;
        let childTime = times[child]!;
        let childSeq = seqs[child]!;
        const right = child + 1;
        if (right < last) {
          const rightTime = times[right]!;
          if (rightTime < childTime || (rightTime === childTime && seqs[right]! < childSeq)) {
            child = right;
            childTime = rightTime;
            childSeq = seqs[right]!;
          }
        }
        if (lastTime < childTime || (lastTime === childTime && lastSeq < childSeq)) break;
        times[hole] = childTime;
        seqs[hole] = childSeq;
        kinds[hole] = kinds[child]!;
        as[hole] = as[child]!;
        bs[hole] = bs[child]!;
        hole = child;
      }
      times[hole] = lastTime;
      seqs[hole] = lastSeq;
      kinds[hole] = kinds[last]!;
      as[hole] = as[last]!;
      bs[hole] = bs[last]!;
    }
    // push at now + exponential delay
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = (x >>> 0) / 4294967296;
    const atUs = nowUs + Math.round(-HOLD_MEAN_MS * Math.log(1 - u) * 1000);
    const seq = seqNext++;
    let hole = count++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime <= atUs) break;
      times[hole] = parentTime;
      seqs[hole] = seqs[parent]!;
      kinds[hole] = kinds[parent]!;
      as[hole] = as[parent]!;
      bs[hole] = bs[parent]!;
      hole = parent;
    }
    times[hole] = atUs;
    seqs[hole] = seq;
    kinds[hole] = 1;
    as[hole] = step;
    bs[hole] = 0;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  checksum = sum;
  return { events: eventsCount, seconds };
}

/** The same hold model through the engine's Scheduler, seeded stream and exponential sampler. */
export function runKernel(eventsCount: number): BenchResult {
  const scheduler = new Scheduler({ initialCapacity: HOLD_PENDING_COUNT + 1 });
  const sample = makeSampler({ dist: 'exponential', mean: HOLD_MEAN_MS }, createRng(1, 'bench:hold'));
  for (let i = 0; i < HOLD_PENDING_COUNT; i++) scheduler.schedule(msToUs(sample()), 1, i, 0);
  let sum = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < eventsCount; i++) {
    scheduler.pop();
    sum += scheduler.eventA;
    scheduler.schedule(scheduler.nowUs + msToUs(sample()), 1, HOLD_PENDING_COUNT + i, 0);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  checksum = sum;
  return { events: eventsCount, seconds };
}
