/**
 * Search over the course without loading any chapter: titles, section headings and key terms
 * from each chapter's metadata. Every word of the query must match (case- and accent-blind);
 * title hits rank above headings, headings above terms.
 */
import type { ChapterMeta } from './types';

export interface SearchHit {
  slug: string;
  chapterNumber: number;
  chapterTitle: string;
  /** Where it matched. */
  kind: 'title' | 'section' | 'term';
  /** The matching title, heading or term. */
  text: string;
  /** For a term: its definition. */
  detail?: string;
}

/** Most hits returned, so a one-letter query does not list the whole course. */
export const SEARCH_HITS_MAX = 30;
const RANK: Record<SearchHit['kind'], number> = { title: 0, section: 1, term: 2 };

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchCourse(chapters: readonly { slug: string; meta: ChapterMeta }[], query: string): SearchHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const matches = (...texts: string[]) => {
    const haystack = fold(texts.join(' '));
    return words.every((w) => haystack.includes(w));
  };
  const hits: SearchHit[] = [];
  for (const { slug, meta } of chapters) {
    const base = { slug, chapterNumber: meta.number, chapterTitle: meta.title };
    if (matches(meta.title, meta.summary)) hits.push({ ...base, kind: 'title', text: meta.title });
    for (const section of meta.sections) if (matches(section)) hits.push({ ...base, kind: 'section', text: section });
    for (const { term, definition } of meta.keyTerms) if (matches(term, definition)) hits.push({ ...base, kind: 'term', text: term, detail: definition });
  }
  // Stable sort: within a rank, syllabus order.
  return hits.sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.chapterNumber - b.chapterNumber).slice(0, SEARCH_HITS_MAX);
}
