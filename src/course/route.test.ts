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
    ['#/edit', { page: 'edit', scenarioId: null }],
    ['#/edit/', { page: 'edit', scenarioId: null }],
    ['#/edit/balanced', { page: 'edit', scenarioId: 'balanced' }],
    ['#/edit/hot-key/', { page: 'edit', scenarioId: 'hot-key' }],
    ['#/edit/my%20draft', { page: 'edit', scenarioId: 'my draft' }],
    ['#/edit/%E0%A4%A', { page: 'edit', scenarioId: '%E0%A4%A' }],
    ['#/editor', { page: 'lab' }],
    ['#/learn/edit', { page: 'chapter', slug: 'edit' }],
    ['#/gallery', { page: 'gallery' }],
    ['#/gallery/', { page: 'gallery' }],
    ['#/gallery-old', { page: 'lab' }],
  ] satisfies [string, Route][])('%s → %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { page: 'contents' },
      { page: 'flashcards' },
      { page: 'chapter', slug: 'keys-and-ordering' },
      { page: 'edit', scenarioId: null },
      { page: 'edit', scenarioId: 'slow-consumer' },
      { page: 'edit', scenarioId: 'a/b c' },
      { page: 'gallery' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(hrefOf({ page: 'lab' })).toBe('#/');
    // The gallery links to this exact format.
    expect(hrefOf({ page: 'edit', scenarioId: 'balanced' })).toBe('#/edit/balanced');
    expect(hrefOf({ page: 'edit', scenarioId: null })).toBe('#/edit');
  });
});
