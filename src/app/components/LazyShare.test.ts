import { describe, expect, it } from 'vitest';
import { FRAGMENT_KEY, hasShareFragment } from '../../share';
import { hasRunFragment } from './LazyShare';

describe('hasRunFragment', () => {
  it('agrees with the share module on every kind of hash', () => {
    const hashes = ['', '#', '#run=', '#run=eJwrSs0r', `#${FRAGMENT_KEY}=x`, `#${FRAGMENT_KEY}`, '#/learn/the-log', '#runs=1', '#Run=1', 'run=1', '#x#run=1'];
    const theirs = hashes.map((hash) => [hash, hasShareFragment(hash)]);
    expect(hashes.map((hash) => [hash, hasRunFragment(hash)])).toEqual(theirs);
    // Both kinds of answer occur, so agreement is not vacuous.
    expect(new Set(theirs.map(([, has]) => has))).toEqual(new Set([true, false]));
  });
});
