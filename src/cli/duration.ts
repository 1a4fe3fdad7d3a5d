/** Parses "90s", "1500ms", "2m", "1h" or a bare number of ms. Returns null when it can't. */
export function parseDurationMs(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  const unit = match[2] ?? 'ms';
  const factor = unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1;
  const ms = value * factor;
  return Number.isFinite(ms) ? Math.round(ms) : null;
}
