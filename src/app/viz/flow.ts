/**
 * The message flow along the topology's edges, as dashes of round dots: one dot stands for
 * `recordsPerDot` records, dots are spaced by the measured rate, and their position is a function
 * of simulated time only (so a paused run stands still and a step moves exactly as far as the
 * simulated clock did). At high rates dots stand for more records rather than crowding together,
 * and with reduced motion the edges show the rate as a width instead of moving.
 */

/** How fast dots travel on screen, px per real second. */
export const DOT_SPEED_PX_PER_S = 90;
/** Dots never sit closer than this, px: beyond it, each dot stands for more records. */
export const DOT_SPACING_MIN_PX = 18;
/** Spacing beyond which an edge shows no dots (a rate too low to show on screen), px. */
export const DOT_SPACING_MAX_PX = 4_000;
/** The record counts a dot may stand for: round numbers a learner can read in the legend. */
const NICE_COUNTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

/**
 * Records per dot for every edge, so one legend serves them all: the smallest round count that
 * keeps the busiest edge's dots at least DOT_SPACING_MIN_PX apart at this playback speed.
 */
export function recordsPerDot(maxRatePerSec: number, speed: number): number {
  const dotsPerRealSec = maxRatePerSec * speed;
  const needed = (dotsPerRealSec * DOT_SPACING_MIN_PX) / DOT_SPEED_PX_PER_S;
  return NICE_COUNTS.find((count) => count >= needed) ?? NICE_COUNTS[NICE_COUNTS.length - 1]!;
}

/** Distance between two dots on an edge carrying `ratePerSec`, px; null when there is nothing to show. */
export function dotSpacingPx(ratePerSec: number, perDot: number, speed: number): number | null {
  if (!(ratePerSec > 0) || !(speed > 0)) return null;
  const spacing = (DOT_SPEED_PX_PER_S * perDot) / (ratePerSec * speed);
  return spacing > DOT_SPACING_MAX_PX ? null : Math.max(DOT_SPACING_MIN_PX, spacing);
}

/** The dash offset that puts the dots where simulated time says they are. */
export function dotOffsetPx(simTimeMs: number, speed: number, spacingPx: number): number {
  const travelledPx = ((simTimeMs / 1000) * DOT_SPEED_PX_PER_S) / speed;
  return -(travelledPx % spacingPx);
}

/** The static width that stands for a rate when motion is reduced, px. */
export function flowWidthPx(ratePerSec: number): number {
  if (!(ratePerSec > 0)) return 1;
  return Math.min(10, 1.5 + 2 * Math.log10(1 + ratePerSec));
}

/**
 * Simulated time to draw at `wallMs`: the newest frame's time, carried forward at the playback
 * speed while playing, but never more than `aheadMsMax` of real time past the frame (a stalled
 * worker must not let the dots run ahead of the model).
 */
export function drawTimeMs(frameTimeMs: number, frameWallMs: number, wallMs: number, speed: number, playing: boolean, aheadMsMax = 100): number {
  if (!playing) return frameTimeMs;
  return frameTimeMs + Math.min(Math.max(0, wallMs - frameWallMs), aheadMsMax) * speed;
}
