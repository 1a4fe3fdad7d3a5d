/** How the page writes numbers: one place, so every view agrees. */

/** Simulated time in seconds with ms precision, e.g. 12345 → "12.345 s". */
export function formatSimTime(timeMs: number): string {
  return `${(Math.max(0, timeMs) / 1000).toFixed(3)} s`;
}

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators, e.g. 12345 → "12,345". */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** A latency in ms; "—" before there is any (a histogram with no samples has no quantiles). */
export function formatLatencyMs(latencyMs: number, samples: number): string {
  if (samples === 0 || !Number.isFinite(latencyMs)) return '—';
  const digits = latencyMs < 10 ? 2 : latencyMs < 100 ? 1 : 0;
  return `${latencyMs.toFixed(digits)} ms`;
}

/** A playback speed, e.g. 0.25 → "0.25×", 10 → "10×". */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}

/** A rate in records per simulated second, e.g. 298.7 → "299/s", 0.4 → "0.4/s". */
export function formatRate(perSec: number): string {
  if (!Number.isFinite(perSec) || perSec <= 0) return '0/s';
  return perSec < 10 ? `${perSec.toFixed(1)}/s` : `${countFormat.format(perSec)}/s`;
}
