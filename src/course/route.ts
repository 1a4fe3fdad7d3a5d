/**
 * The page's hash routes. The course lives under `#/learn`; everything else (`/`, `#/`, share
 * links' `#run=…`) belongs to the lab, so the two never collide.
 */

export type Route =
  /** The lab, with whatever else the hash says left to the lab. */
  | { page: 'lab' }
  /** The table of contents, with search. */
  | { page: 'contents' }
  /** Review cards built from the chapters' key terms. */
  | { page: 'flashcards' }
  | { page: 'chapter'; slug: string };

const COURSE_PREFIX = '#/learn';

/** The route for a location hash, e.g. "#/learn/the-log". */
export function parseRoute(hash: string): Route {
  if (hash !== COURSE_PREFIX && !hash.startsWith(`${COURSE_PREFIX}/`)) return { page: 'lab' };
  const rest = hash.slice(COURSE_PREFIX.length).replace(/^\/+|\/+$/g, '');
  if (rest === '') return { page: 'contents' };
  if (rest === 'flashcards') return { page: 'flashcards' };
  return { page: 'chapter', slug: safeDecode(rest) };
}

/** The hash of a route, for links. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'lab':
      return '#/';
    case 'contents':
      return COURSE_PREFIX;
    case 'flashcards':
      return `${COURSE_PREFIX}/flashcards`;
    case 'chapter':
      return `${COURSE_PREFIX}/${encodeURIComponent(route.slug)}`;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed escape in a hand-typed URL: show "no such chapter", never throw.
    return text;
  }
}
