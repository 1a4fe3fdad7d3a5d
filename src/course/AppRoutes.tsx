/**
 * The page's top-level switch between the lab and the course, by location hash. This file is in
 * the first screen's bundle, so it imports nothing of the course itself: the course loads lazily
 * the first time a `#/learn` route is opened.
 */
import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { hrefOf, parseRoute, type Route } from './route';
import './nav.css';

const CourseApp = lazy(() => import('./ui/CourseApp'));

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
  const inCourse = route.page !== 'lab';
  return (
    <>
      <nav className="site-nav" aria-label="Sections">
        <a href={hrefOf({ page: 'lab' })} aria-current={inCourse ? undefined : 'page'}>
          Lab
        </a>
        <a href={hrefOf({ page: 'contents' })} aria-current={inCourse ? 'page' : undefined}>
          Course
        </a>
      </nav>
      <main className="app-main">
        {inCourse ? (
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
