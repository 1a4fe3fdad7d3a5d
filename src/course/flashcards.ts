/** Review cards, one per key term of each chapter, in syllabus order. */
import type { ChapterMeta } from './types';

export interface Flashcard {
  /** Stable id: "<slug>/<term>". */
  id: string;
  slug: string;
  chapterTitle: string;
  term: string;
  definition: string;
}

export function buildFlashcards(chapters: readonly { slug: string; meta: ChapterMeta }[], onlySlugs?: ReadonlySet<string>): Flashcard[] {
  return chapters
    .filter((c) => !onlySlugs || onlySlugs.has(c.slug))
    .flatMap(({ slug, meta }) => meta.keyTerms.map(({ term, definition }) => ({ id: `${slug}/${term}`, slug, chapterTitle: meta.title, term, definition })));
}
