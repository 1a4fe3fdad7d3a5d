/** The course, loaded lazily: the table of contents, a chapter, or the flashcards. */
import type { Route } from '../route';
import { ChapterPage } from './ChapterPage';
import { ContentsPage } from './ContentsPage';
import { FlashcardsPage } from './FlashcardsPage';
import './course.css';

export default function CourseApp({ route }: { route: Route }) {
  switch (route.page) {
    case 'chapter':
      // Keyed by slug: a new chapter starts with fresh state (and its own scenario workers).
      return <ChapterPage key={route.slug} slug={route.slug} />;
    case 'flashcards':
      return <FlashcardsPage />;
    default:
      return <ContentsPage />;
  }
}
