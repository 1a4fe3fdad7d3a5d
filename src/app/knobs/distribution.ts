/** Processing-time distributions, as the processing knob reads and rescales them. */
import type { Scenario } from '../../engine';

export type Distribution = Scenario['consumerGroups'][number]['processingMs'];

/** The mean of a distribution, ms. */
export function meanMs(d: Distribution): number {
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'exponential':
    case 'lognormal':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
  }
}

/**
 * The same kind of distribution with a new mean, ms: its shape (spread relative to the mean) is
 * kept, so "twice as slow" stays as variable as it was.
 */
export function withMeanMs(d: Distribution, mean: number): Distribution {
  const old = meanMs(d);
  const scale = old > 0 ? mean / old : 1;
  switch (d.dist) {
    case 'constant':
      return { dist: 'constant', value: mean };
    case 'exponential':
      return { dist: 'exponential', mean };
    case 'lognormal':
      return { dist: 'lognormal', mean, stddev: old > 0 ? d.stddev * scale : d.stddev };
    case 'uniform':
      return old > 0 ? { dist: 'uniform', min: d.min * scale, max: d.max * scale } : { dist: 'uniform', min: 0, max: 2 * mean };
  }
}
