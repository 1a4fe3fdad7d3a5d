import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './route';

describe('course routes', () => {
  it.each([
    ['', { page: 'lab' }],
    ['#/', { page: 'lab' }],
    ['#run=eJxLz8kvSs0DAAZ', { page: 'lab' }],
    ['#/learner', { page: 'lab' }],
    ['#/learn', { page: 'contents' }],
    ['#/learn/', { page: 'contents' }],
    ['#/learn/flashcards', { page: 'flashcards' }],
    ['#/learn/the-log', { page: 'chapter', slug: 'the-log' }],
    ['#/learn/the-log/', { page: 'chapter', slug: 'the-log' }],
    ['#/learn/%E0%A4%A', { page: 'chapter', slug: '%E0%A4%A' }],
  ] satisfies [string, Route][])('%s → %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route through its href', () => {
    const routes: Route[] = [{ page: 'contents' }, { page: 'flashcards' }, { page: 'chapter', slug: 'keys-and-ordering' }];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(hrefOf({ page: 'lab' })).toBe('#/');
  });
});
