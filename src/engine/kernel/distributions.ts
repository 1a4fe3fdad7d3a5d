import { rebindOnCopy } from './copyHooks';
import type { Rng } from './rng';

/** A distribution of durations, in ms, as a scenario writes it. */
export type Distribution =
  /** Always value ms (>= 0). */
  | { dist: 'constant'; value: number }
  /** Exponential with the given mean, ms (>= 0): memoryless service or inter-arrival times. */
  | { dist: 'exponential'; mean: number }
  /** Uniform over [min, max), ms, with 0 <= min <= max. */
  | { dist: 'uniform'; min: number; max: number }
  /** Lognormal whose own mean and standard deviation are mean and stddev, ms (mean > 0, stddev >= 0): a long right tail. */
  | { dist: 'lognormal'; mean: number; stddev: number };

/**
 * Returns a sampler that draws durations in ms (float, >= 0) from d using rng. Throws RangeError,
 * naming the field, when d's parameters are out of range (the scenario parser reports them first).
 */
export function makeSampler(d: Distribution, rng: Rng): () => number {
  if (d.dist === 'lognormal') return makeLognormalSampler(d.mean, d.stddev, new BoxMullerState(), rng);
  // A checkpoint's copy of the sampler must draw from the copy of rng (checkpoint/deepCopy.ts).
  return rebindOnCopy(makeMemorylessSampler(d, rng), (copyOf) => makeSampler(d, copyOf(rng)));
}

/** Samplers whose only state is rng's. */
function makeMemorylessSampler(d: Exclude<Distribution, { dist: 'lognormal' }>, rng: Rng): () => number {
  switch (d.dist) {
    case 'constant': {
      requireNonNegative(d.value, 'constant.value');
      const value = d.value;
      return () => value;
    }
    case 'exponential': {
      requireNonNegative(d.mean, 'exponential.mean');
      const mean = d.mean;
      // 1 - u lies in (0, 1], so the log is finite; `0 -` turns the -0 of log(1) into +0.
      return () => 0 - mean * Math.log(1 - rng.nextFloat());
    }
    case 'uniform': {
      requireNonNegative(d.min, 'uniform.min');
      requireNonNegative(d.max, 'uniform.max');
      if (d.max < d.min) throw new RangeError(`uniform.max (${d.max}) must be >= uniform.min (${d.min})`);
      const min = d.min;
      const width = d.max - d.min;
      return () => min + width * rng.nextFloat();
    }
  }
}

/** The distribution's mean, ms. */
export function meanMs(d: Distribution): number {
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'exponential':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'lognormal':
      return d.mean;
  }
}

/** The spare normal of the last Box–Muller pair: state a copy of the sampler must carry over. */
class BoxMullerState {
  hasSpare = false;
  spare = 0;
}

function makeLognormalSampler(mean: number, stddev: number, state: BoxMullerState, rng: Rng): () => number {
  if (!(mean > 0 && Number.isFinite(mean))) throw new RangeError(`lognormal.mean must be a finite number > 0, got ${mean}`);
  requireNonNegative(stddev, 'lognormal.stddev');
  // Parameters of the underlying normal chosen so the lognormal itself has the given mean and stddev.
  const sigmaSquared = Math.log(1 + (stddev / mean) ** 2);
  const sigma = Math.sqrt(sigmaSquared);
  const mu = Math.log(mean) - sigmaSquared / 2;
  // Box–Muller yields normals in pairs; the spare halves the draws and the logs.
  const sample = (): number => {
    let z: number;
    if (state.hasSpare) {
      state.hasSpare = false;
      z = state.spare;
    } else {
      const radius = Math.sqrt(-2 * Math.log(1 - rng.nextFloat()));
      const angle = 2 * Math.PI * rng.nextFloat();
      z = radius * Math.cos(angle);
      state.spare = radius * Math.sin(angle);
      state.hasSpare = true;
    }
    return Math.exp(mu + sigma * z);
  };
  return rebindOnCopy(sample, (copyOf) => makeLognormalSampler(mean, stddev, copyOf(state), copyOf(rng)));
}

function requireNonNegative(value: number, field: string): void {
  if (!(value >= 0 && Number.isFinite(value))) throw new RangeError(`${field} must be a finite number >= 0, got ${value}`);
}
