import { useId, useState } from 'react';
import { formatSeconds, tableRows, type ChartLine } from './chartGeometry';

/** Rows a table fallback shows at most: evenly spaced samples beyond that. */
const TABLE_ROWS_MAX = 120;

/** The chart's numbers as a table, behind a "Show as table" toggle. */
export function ChartTable({ title, times, lines, format }: { title: string; times: readonly number[]; lines: readonly ChartLine[]; format: (value: number) => string }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const rows = open ? tableRows(times.length, TABLE_ROWS_MAX) : [];
  return (
    <div className="chart-table-toggle">
      <button type="button" className="link-button" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
        {open ? 'Hide table' : 'Show as table'}
        <span className="visually-hidden"> — {title}</span>
      </button>
      {/* The table scrolls: keyboard users reach it by focusing the region (axe: scrollable-region-focusable). */}
      <div id={regionId} hidden={!open} className="chart-table-wrap" tabIndex={open ? 0 : -1} role="region" aria-label={`${title}, as a table`}>
        {open && (
          <table className="chart-table">
            <caption>
              {title}
              {times.length > rows.length ? ` (${rows.length} of ${times.length} samples)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                {lines.map((l) => (
                  <th key={l.name} scope="col">
                    {l.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i}>
                  <th scope="row">{formatSeconds(times[i]!)}</th>
                  {lines.map((l) => (
                    <td key={l.name}>{Number.isFinite(l.values[i]) ? format(l.values[i]!) : '–'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
