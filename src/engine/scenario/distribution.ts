import { z } from 'zod';
import { int, num, numAbove, object, str, taggedUnionError } from './fields';

/** Longest duration a distribution's parameter may state, ms (one hour). */
const DURATION_PARAM_MAX_MS = 3_600_000;

const DIST_TAGS = ['constant', 'exponential', 'uniform', 'lognormal'] as const;

/** A distribution of durations in ms; its output is the kernel's Distribution. */
export const distributionSchema = z
  .discriminatedUnion(
    'dist',
    [
      object({
        dist: z.literal('constant').describe('Always the same duration.'),
        value: num(0, DURATION_PARAM_MAX_MS).describe('The duration, ms.'),
      }).describe('Always `value` ms.'),
      object({
        dist: z.literal('exponential').describe('Memoryless: most durations are short, a few long.'),
        mean: numAbove(0, DURATION_PARAM_MAX_MS).describe('Mean duration, ms.'),
      }).describe('Exponentially distributed with the given mean, ms.'),
      object({
        dist: z.literal('uniform').describe('Any duration between min and max, equally likely.'),
        min: num(0, DURATION_PARAM_MAX_MS).describe('Shortest duration, ms.'),
        max: num(0, DURATION_PARAM_MAX_MS).describe('Longest duration, ms (at least min).'),
      }).describe('Uniform between `min` and `max` ms.'),
      object({
        dist: z.literal('lognormal').describe('A long right tail: mostly near the mean, sometimes much longer.'),
        mean: numAbove(0, DURATION_PARAM_MAX_MS).describe('Mean duration, ms.'),
        stddev: num(0, DURATION_PARAM_MAX_MS).describe('Standard deviation of the duration, ms.'),
      }).describe('Lognormal with the given mean and standard deviation, ms.'),
    ],
    { error: taggedUnionError('dist', DIST_TAGS, '{ "dist": "constant", "value": 1 }') },
  )
  .describe('A distribution of durations, ms: constant, exponential, uniform or lognormal.');

/** Most distinct keys a producer may draw from. */
const KEY_COUNT_MAX = 1_000_000;
const KEY_TAGS = ['none', 'uniform', 'zipf', 'hot'] as const;
const keyCount = () => int(1, KEY_COUNT_MAX).describe('Number of distinct keys, named "k-0" … "k-{count-1}".');

/** How a producer picks record keys. */
export const keySpecSchema = z
  .discriminatedUnion(
    'distribution',
    [
      object({
        distribution: z.literal('none').describe('Every record has a null key: the sticky partitioner places it.'),
      }),
      object({
        distribution: z.literal('uniform').describe('Every key equally likely.'),
        count: keyCount(),
      }),
      object({
        distribution: z.literal('zipf').describe('Key of rank r drawn with probability proportional to 1/r^skew.'),
        count: keyCount(),
        skew: num(0, 5).default(1).describe('Zipf exponent: 0 is uniform, larger concentrates on the first keys.'),
      }),
      object({
        distribution: z.literal('hot').describe('One hot key takes a share of all records; the rest are uniform.'),
        count: keyCount(),
        hotKey: str(1, 200).default('k-0').describe('The hot key.'),
        hotShare: num(0, 1).default(0.5).describe('Fraction of records (0 to 1) that carry the hot key.'),
      }),
    ],
    { error: taggedUnionError('distribution', KEY_TAGS, '{ "distribution": "uniform", "count": 1000 }') },
  )
  .describe('How the producer picks record keys: none, uniform, zipf or hot.');
