import { describe, expect, it } from 'vitest';
import type { Distribution as KernelDistribution } from '../kernel/distributions';
import type { KeySpec as SamplerKeySpec } from '../kafka/keys';
import type { z } from 'zod';
import type { distributionSchema } from './distribution';
import type { KeySpec, ProducerSpec } from './types';

/** Compiles only when A and B are mutually assignable. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('scenario types', () => {
  it('match the kernel Distribution and the key sampler KeySpec (checked by the compiler)', () => {
    const distribution: Same<z.output<typeof distributionSchema>, KernelDistribution> = true;
    const keys: Same<KeySpec, SamplerKeySpec> = true;
    const producerKeys: Same<ProducerSpec['keys'], SamplerKeySpec> = true;
    expect([distribution, keys, producerKeys]).toEqual([true, true, true]);
  });
});
