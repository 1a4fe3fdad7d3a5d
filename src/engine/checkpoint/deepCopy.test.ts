import { describe, expect, it } from 'vitest';
import { deepCopy } from './deepCopy';
import { rebindOnCopy, shareOnCopy } from '../kernel/copyHooks';
import { createRng } from '../kernel/rng';
import { makeSampler } from '../kernel/distributions';
import { InvariantError } from '../kernel/assert';

class Counter {
  count = 0;
  constructor(readonly name: string) {}
  bump(): number {
    return ++this.count;
  }
}

describe('deepCopy', () => {
  it('keeps prototypes, Map and Set order, holes, cycles and shared references', () => {
    const shared = new Counter('shared');
    const sparse: unknown[] = [];
    sparse[3] = shared;
    const root: Record<string, unknown> = { a: shared, b: [shared, 1, 'x'], map: new Map<unknown, unknown>([['k', shared], [shared, 2]]), set: new Set([shared, 5]), sparse };
    root.self = root;
    const { value: copy } = deepCopy(root);

    const copiedShared = copy.a as Counter;
    expect(copiedShared).toBeInstanceOf(Counter);
    expect(copiedShared).not.toBe(shared);
    expect(copiedShared.bump()).toBe(1);
    expect(shared.count).toBe(0);
    expect((copy.b as unknown[])[0]).toBe(copiedShared);
    expect([...(copy.map as Map<unknown, unknown>).entries()]).toEqual([['k', copiedShared], [copiedShared, 2]]);
    expect((copy.map as Map<unknown, unknown>).get(copiedShared)).toBe(2);
    expect([...(copy.set as Set<unknown>)]).toEqual([copiedShared, 5]);
    expect(copy.self).toBe(copy);
    const copiedSparse = copy.sparse as unknown[];
    expect(copiedSparse.length).toBe(4);
    expect(0 in copiedSparse).toBe(false);
    expect(copiedSparse[3]).toBe(copiedShared);
  });

  it('copies typed arrays, keeping two views of one buffer aliased', () => {
    const buffer = new ArrayBuffer(32);
    const whole = new Float64Array(buffer);
    const tail = new Int32Array(buffer, 16, 4);
    whole[0] = 1.5;
    const { value, bytes } = deepCopy({ whole, tail });
    expect(value.whole).not.toBe(whole);
    expect([...value.whole]).toEqual([1.5, 0, 0, 0]);
    value.tail[0] = 7;
    expect(value.whole[2]).not.toBe(0);
    expect(whole[2]).toBe(0);
    expect(bytes).toBeGreaterThanOrEqual(32);
  });

  it('rebinds registered closures over the copies of their state, and shares shared values', () => {
    const rng = createRng(1, 'test');
    const sampler = makeSampler({ dist: 'lognormal', mean: 5, stddev: 3 }, rng);
    sampler(); // leaves a spare normal behind: state the copy must carry over
    const constant = shareOnCopy({ big: 'table' });
    const { value } = deepCopy({ sampler, rng, constant });
    expect(value.constant).toBe(constant);
    const fromCopy = [value.sampler(), value.sampler(), value.sampler()];
    const fromOriginal = [sampler(), sampler(), sampler()];
    expect(fromCopy).toEqual(fromOriginal);
    // The copy's sampler drew from the copy's rng, not the original's.
    expect(value.rng.nextUint32()).toBe(rng.nextUint32());
  });

  it('fails loudly, naming the path, on a closure it cannot rebind', () => {
    const counter = new Counter('c');
    const root = { world: { consumers: [{ name: 'c-0', next: () => counter.bump() }] } };
    expect(() => deepCopy(root)).toThrow(InvariantError);
    expect(() => deepCopy(root)).toThrow('checkpoint: cannot copy state.world.consumers[0].next: a function that is neither shared');
  });

  it('fails loudly on values whose state its fields do not show', () => {
    expect(() => deepCopy({ seen: { at: new Map([['k', new WeakMap()]]) } })).toThrow('cannot copy state.seen.at.get("k"): a weak collection cannot be enumerated');
    expect(() => deepCopy({ pattern: /k-\d+/g })).toThrow('cannot copy state.pattern: a RegExp keeps internal state');
  });

  it('lets a rebinder see the copies other fields got', () => {
    const counter = new Counter('c');
    const bump = (target: Counter): (() => number) => rebindOnCopy(() => target.bump(), (copyOf) => bump(copyOf(target)));
    const { value } = deepCopy({ counter, bump: bump(counter) });
    value.bump();
    expect(value.counter.count).toBe(1);
    expect(counter.count).toBe(0);
  });
});
