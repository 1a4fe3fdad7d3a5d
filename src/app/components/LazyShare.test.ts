import { describe, expect, it } from 'vitest';
import { FRAGMENT_KEY, hasShareFragment } from '../../share';
import { hasRunFragment, needsSharedRunNotice } from './LazyShare';

describe('hasRunFragment', () => {
  it('agrees with the share module on every kind of hash', () => {
    const hashes = ['', '#', '#run=', '#run=eJwrSs0r', `#${FRAGMENT_KEY}=x`, `#${FRAGMENT_KEY}`, '#/learn/the-log', '#runs=1', '#Run=1', 'run=1', '#x#run=1'];
    const theirs = hashes.map((hash) => [hash, hasShareFragment(hash)]);
    expect(hashes.map((hash) => [hash, hasRunFragment(hash)])).toEqual(theirs);
    // Both kinds of answer occur, so agreement is not vacuous.
    expect(new Set(theirs.map(([, has]) => has))).toEqual(new Set([true, false]));
  });
});

describe('needsSharedRunNotice', () => {
  it('is needed for a run link or an opened run, and stays needed once it was', () => {
    expect(needsSharedRunNotice('', 'none', false)).toBe(false);
    expect(needsSharedRunNotice('#/learn/the-log', 'none', false)).toBe(false);
    expect(needsSharedRunNotice('#run=eJwrSs0r', 'none', false)).toBe(true);
    expect(needsSharedRunNotice('', 'error', false)).toBe(true);
    expect(needsSharedRunNotice('', 'shown', false)).toBe(true);
    // The link was replaced (or the notice dismissed): what it explained stays until the page closes.
    expect(needsSharedRunNotice('', 'none', true)).toBe(true);
  });
});
