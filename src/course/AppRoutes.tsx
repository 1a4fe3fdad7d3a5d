/**
 * The page's top-level switch between the lab, the course and the scenario editor, by location
 * hash. This file is in the first screen's bundle, so it imports nothing of the course or the
 * editor itself: each loads lazily the first time its route (`#/learn`, `#/edit`) is opened.
 */
import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { hrefOf, parseRoute, type Route } from './route';
import './nav.css';

const CourseApp = lazy(() => import('./ui/CourseApp'));
// The scenario editor (CodeMirror and all) loads only when `#/edit` is opened.
const EditorPage = lazy(() => import('../app/editor/EditorPage'));
// The gallery draws a thumbnail of every built-in: it loads only when `#/gallery` is opened.
const GalleryPage = lazy(() => import('../app/gallery/GalleryPage'));

function subscribeToHash(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** The current route; re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => '');
  return parseRoute(hash);
}

/** Site navigation and the page's <main>: the lab (given) or the course. */
export function AppRoutes({ lab }: { lab: ReactNode }) {
  const route = useRoute();
  const inEditor = route.page === 'edit';
  const inGallery = route.page === 'gallery';
  const inCourse = route.page !== 'lab' && !inEditor && !inGallery;
  return (
    <>
      <nav className="site-nav" aria-label="Sections">
        <a href={hrefOf({ page: 'lab' })} aria-current={route.page === 'lab' ? 'page' : undefined}>
          Lab
        </a>
        <a href={hrefOf({ page: 'contents' })} aria-current={inCourse ? 'page' : undefined}>
          Course
        </a>
        <a href={hrefOf({ page: 'edit', scenarioId: null })} aria-current={inEditor ? 'page' : undefined}>
          Editor
        </a>
        <a href={hrefOf({ page: 'gallery' })} aria-current={inGallery ? 'page' : undefined}>
          Gallery
        </a>
      </nav>
      <main className="app-main">
        {route.page === 'edit' ? (
          <Suspense fallback={<p className="course-loading">Loading the editor…</p>}>
            <EditorPage scenarioId={route.scenarioId} />
          </Suspense>
        ) : inGallery ? (
          <Suspense fallback={<p className="course-loading">Loading the gallery…</p>}>
            <GalleryPage />
          </Suspense>
        ) : inCourse ? (
          <Suspense fallback={<p className="course-loading">Loading the course…</p>}>
            <CourseApp route={route} />
          </Suspense>
        ) : (
          lab
        )}
      </main>
    </>
  );
}
