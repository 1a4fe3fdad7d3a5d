import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ChartsPanel } from '../charts/ChartsPanel';
import { useAppStore } from '../store';
import { inspectRequests } from '../inspector/inspectRequest';

// Each view is its own chunk: the charts come with this section, the rest when first opened.
const DashboardPanel = lazy(() => import('../dashboard/DashboardPanel').then((m) => ({ default: m.DashboardPanel })));
const InspectorPanel = lazy(() => import('../inspector/InspectorPanel').then((m) => ({ default: m.InspectorPanel })));
const ComparePanel = lazy(() => import('../compare/ComparePanel').then((m) => ({ default: m.ComparePanel })));
const SeedsPanel = lazy(() => import('../seeds/SeedsPanel').then((m) => ({ default: m.SeedsPanel })));
const ExportPanel = lazy(() => import('../export/ExportPanel').then((m) => ({ default: m.ExportPanel })));

const TABS = [
  { id: 'charts', label: 'Charts' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'inspector', label: 'Inspector' },
  { id: 'compare', label: 'Compare runs' },
  { id: 'seeds', label: 'Many seeds' },
  { id: 'export', label: 'Export' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * "See why": charts, an operator's dashboard, the message inspector, run comparison, many seeds and exports,
 * as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs). Asks the worker for chart
 * samples while it is on the page.
 */
export function InsightSection() {
  const insight = useAppStore((s) => s.insight);
  const [tab, setTab] = useState<TabId>('charts');
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

  useEffect(() => {
    insight.getState().watchSeries(true);
    return () => insight.getState().watchSeries(false);
  }, [insight]);

  // A record clicked in the topology opens the inspector (which takes the request).
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(
    () =>
      inspectRequests.subscribe((s) => {
        if (s.pending === null) return;
        setTab('inspector');
        sectionRef.current?.scrollIntoView?.({ block: 'start' });
      }),
    [],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!.id;
    setTab(target);
    tabRefs.current.get(target)?.focus();
  }

  return (
    <section ref={sectionRef} className="panel insight" aria-labelledby="insight-title">
      <h3 id="insight-title" className="panel-title">
        See why
      </h3>
      <div role="tablist" aria-label="See why" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) tabRefs.current.set(t.id, el);
            }}
            type="button"
            role="tab"
            id={`insight-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`insight-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`insight-panel-${tab}`} aria-labelledby={`insight-tab-${tab}`} className="tab-panel">
        <Suspense fallback={<p className="insight-empty">Loading…</p>}>
          {tab === 'charts' && <ChartsPanel />}
          {tab === 'dashboard' && <DashboardPanel />}
          {tab === 'inspector' && <InspectorPanel />}
          {tab === 'compare' && <ComparePanel />}
          {tab === 'seeds' && <SeedsPanel />}
          {tab === 'export' && <ExportPanel />}
        </Suspense>
      </div>
    </section>
  );
}
