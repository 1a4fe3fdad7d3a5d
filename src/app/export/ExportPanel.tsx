import { useState } from 'react';
import { downloadText } from './download';
import { metricsCsv, seriesCsv } from './csv';
import { useAppStore, useAppStoreApi } from '../store';

/** Downloads of the whole run: metrics and time series as CSV, the event log as JSON. */
export function ExportPanel() {
  const store = useAppStoreApi();
  const scenario = useAppStore((s) => s.scenario);
  const [status, setStatus] = useState('');
  const base = `queuelab-${(scenario?.id || 'run').replace(/[^a-z0-9-]/gi, '-')}-seed${scenario?.seed ?? 0}`;

  function metrics() {
    const snapshot = store.getState().snapshot;
    if (!snapshot) return;
    downloadText(`${base}-metrics.csv`, metricsCsv(snapshot.metrics), 'text/csv');
    setStatus('Metrics downloaded.');
  }

  function series() {
    const table = store.getState().insight.getState().table;
    downloadText(`${base}-series.csv`, seriesCsv(table), 'text/csv');
    setStatus(`${table.length} samples downloaded.`);
  }

  async function events() {
    const { insight, scenario: loaded } = store.getState();
    const { events: entries, eventsTotal } = await insight.getState().exportEvents();
    const document = {
      scenario: loaded?.title ?? null,
      seed: loaded?.seed ?? null,
      eventsTotal,
      // The engine's log is bounded: older entries than these were evicted.
      evicted: eventsTotal - entries.length,
      events: entries,
    };
    downloadText(`${base}-events.json`, `${JSON.stringify(document, null, 2)}\n`, 'application/json');
    setStatus(`${entries.length} event log entries downloaded${eventsTotal > entries.length ? ` (${eventsTotal - entries.length} older ones were evicted)` : ''}.`);
  }

  return (
    <div className="export-panel">
      <p className="chart-note">Every chart also has its own SVG, PNG and CSV buttons.</p>
      <div className="button-row">
        <button type="button" className="button" onClick={metrics} disabled={!scenario}>
          Metrics (CSV)
        </button>
        <button type="button" className="button" onClick={series} disabled={!scenario}>
          Time series (CSV)
        </button>
        <button type="button" className="button" onClick={() => void events()} disabled={!scenario}>
          Event log (JSON)
        </button>
      </div>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
