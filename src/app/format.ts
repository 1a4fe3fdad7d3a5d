/** How the page writes numbers: one place, so every view agrees. */

/** Simulated time in seconds with ms precision, e.g. 12345 → "12.345 s". */
export function formatSimTime(timeMs: number): string {
  return `${(Math.max(0, timeMs) / 1000).toFixed(3)} s`;
}

/**
 * A count with thousands separators, e.g. 12345 → "12,345" (rounded to a whole number).
 * Written by hand rather than with Intl.NumberFormat: building that formatter costs tens of ms on
 * a phone's first screen (its locale data loads lazily), and every count here is an en-US integer.
 */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return String(count);
  const rounded = Math.round(Math.abs(count));
  const digits = String(rounded);
  // Above 1e21 String() switches to exponent notation; no count here gets near it.
  if (digits.includes('e')) return `${count < 0 ? '-' : ''}${digits}`;
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = grouped === '' ? digits.slice(start, end) : `${digits.slice(start, end)},${grouped}`;
  }
  return count < 0 && rounded !== 0 ? `-${grouped}` : grouped;
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
  return perSec < 10 ? `${perSec.toFixed(1)}/s` : `${formatCount(perSec)}/s`;
}
