import { useState, type RefObject } from 'react';
import type { ChartLine } from './chartGeometry';
import { downloadPng, downloadSvg, downloadText } from '../export/download';
import { toCsv } from '../export/csv';

/** SVG, PNG and CSV downloads of one chart. */
export function ExportButtons({ id, title, svgRef, times, lines }: { id: string; title: string; svgRef: RefObject<SVGSVGElement | null>; times: readonly number[]; lines: readonly ChartLine[] }) {
  const [problem, setProblem] = useState<string | null>(null);
  const name = `queuelab-${id}`;
  const csv = () => downloadText(`${name}.csv`, toCsv(['time_ms', ...lines.map((l) => l.name)], times.map((t, i) => [t, ...lines.map((l) => l.values[i] ?? Number.NaN)])), 'text/csv');
  const png = () => {
    if (!svgRef.current) return;
    downloadPng(`${name}.png`, svgRef.current).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  return (
    <span className="chart-exports">
      <button type="button" className="chip-button" aria-label={`Download ${title} as SVG`} onClick={() => svgRef.current && downloadSvg(`${name}.svg`, svgRef.current)}>
        SVG
      </button>
      <button type="button" className="chip-button" aria-label={`Download ${title} as PNG`} onClick={png}>
        PNG
      </button>
      <button type="button" className="chip-button" aria-label={`Download ${title} as CSV`} onClick={csv}>
        CSV
      </button>
      {problem && <span role="alert">PNG failed: {problem}</span>}
    </span>
  );
}
