/**
 * The page's hash routes. The course lives under `#/learn`, the scenario editor under `#/edit`;
 * everything else (`/`, `#/`, share links' `#run=…`) belongs to the lab, so none of them collide.
 */

export type Route =
  /** The lab, with whatever else the hash says left to the lab. */
  | { page: 'lab' }
  /** The table of contents, with search. */
  | { page: 'contents' }
  /** Review cards built from the chapters' key terms. */
  | { page: 'flashcards' }
  | { page: 'chapter'; slug: string }
  /**
   * The scenario editor, starting from a built-in scenario (`#/edit/balanced`) or, with
   * `scenarioId` null (`#/edit`), from the saved draft. The gallery links here: keep the format.
   */
  | { page: 'edit'; scenarioId: string | null }
  /** The built-in scenarios as cards, each openable in the lab, the editor or as an embed (`#/gallery`). */
  | { page: 'gallery' };

const COURSE_PREFIX = '#/learn';
const EDIT_PREFIX = '#/edit';
const GALLERY_PREFIX = '#/gallery';

/** The route for a location hash, e.g. "#/learn/the-log". */
export function parseRoute(hash: string): Route {
  if (underPrefix(hash, EDIT_PREFIX)) {
    const id = trimSlashes(hash.slice(EDIT_PREFIX.length));
    return { page: 'edit', scenarioId: id === '' ? null : safeDecode(id) };
  }
  if (underPrefix(hash, GALLERY_PREFIX)) return { page: 'gallery' };
  if (!underPrefix(hash, COURSE_PREFIX)) return { page: 'lab' };
  const rest = trimSlashes(hash.slice(COURSE_PREFIX.length));
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
    case 'edit':
      return route.scenarioId === null ? EDIT_PREFIX : `${EDIT_PREFIX}/${encodeURIComponent(route.scenarioId)}`;
    case 'gallery':
      return GALLERY_PREFIX;
  }
}

/** "#/learn" and "#/learn/…", but not "#/learner". */
function underPrefix(hash: string, prefix: string): boolean {
  return hash === prefix || hash.startsWith(`${prefix}/`);
}

function trimSlashes(text: string): string {
  return text.replace(/^\/+|\/+$/g, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed escape in a hand-typed URL: show "no such chapter", never throw.
    return text;
  }
}
