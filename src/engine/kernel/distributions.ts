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
    case 'lognormal':
      return makeLognormalSampler(d.mean, d.stddev, rng);
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

function makeLognormalSampler(mean: number, stddev: number, rng: Rng): () => number {
  if (!(mean > 0 && Number.isFinite(mean))) throw new RangeError(`lognormal.mean must be a finite number > 0, got ${mean}`);
  requireNonNegative(stddev, 'lognormal.stddev');
  // Parameters of the underlying normal chosen so the lognormal itself has the given mean and stddev.
  const sigmaSquared = Math.log(1 + (stddev / mean) ** 2);
  const sigma = Math.sqrt(sigmaSquared);
  const mu = Math.log(mean) - sigmaSquared / 2;
  // Box–Muller yields normals in pairs; the spare halves the draws and the logs.
  let hasSpare = false;
  let spare = 0;
  return () => {
    let z: number;
    if (hasSpare) {
      hasSpare = false;
      z = spare;
    } else {
      const radius = Math.sqrt(-2 * Math.log(1 - rng.nextFloat()));
      const angle = 2 * Math.PI * rng.nextFloat();
      z = radius * Math.cos(angle);
      spare = radius * Math.sin(angle);
      hasSpare = true;
    }
    return Math.exp(mu + sigma * z);
  };
}

function requireNonNegative(value: number, field: string): void {
  if (!(value >= 0 && Number.isFinite(value))) throw new RangeError(`${field} must be a finite number >= 0, got ${value}`);
}
