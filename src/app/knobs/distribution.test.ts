import { describe, expect, it } from 'vitest';
import { meanMs, withMeanMs } from './distribution';

describe('processing distributions', () => {
  it('reads the mean of every kind', () => {
    expect(meanMs({ dist: 'constant', value: 3 })).toBe(3);
    expect(meanMs({ dist: 'exponential', mean: 4 })).toBe(4);
    expect(meanMs({ dist: 'uniform', min: 2, max: 6 })).toBe(4);
    expect(meanMs({ dist: 'lognormal', mean: 5, stddev: 2 })).toBe(5);
  });

  it('rescales to a new mean keeping the kind and the relative spread', () => {
    expect(withMeanMs({ dist: 'constant', value: 3 }, 9)).toEqual({ dist: 'constant', value: 9 });
    expect(withMeanMs({ dist: 'exponential', mean: 4 }, 10)).toEqual({ dist: 'exponential', mean: 10 });
    expect(withMeanMs({ dist: 'uniform', min: 2, max: 6 }, 8)).toEqual({ dist: 'uniform', min: 4, max: 12 });
    expect(withMeanMs({ dist: 'lognormal', mean: 5, stddev: 2 }, 10)).toEqual({ dist: 'lognormal', mean: 10, stddev: 4 });
    expect(withMeanMs({ dist: 'uniform', min: 0, max: 0 }, 3)).toEqual({ dist: 'uniform', min: 0, max: 6 });
  });
});
