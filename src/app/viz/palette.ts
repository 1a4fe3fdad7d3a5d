/**
 * Consumer colours: the Okabe–Ito palette, chosen to stay distinguishable under the common
 * colour-vision deficiencies. Colour never carries meaning alone: every coloured mark also has a
 * label ("c-2"), and idle or revoked things are grey with a dashed outline.
 */
export const OWNER_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;

/** Text that reads on each owner colour (dark on the light ones). */
const TEXT_ON = ['#1b1b1b', '#1b1b1b', '#ffffff', '#1b1b1b', '#ffffff', '#ffffff', '#1b1b1b'] as const;

/** The consumer's number within its group, from its name "c-<n>"; 0 when the name has none. */
export function consumerNumber(consumerId: string): number {
  const match = /(\d+)$/.exec(consumerId);
  return match?.[1] ? Number(match[1]) : 0;
}

/** The colour of a consumer, stable for its whole life (by its number, not its position). */
export function ownerColour(consumerId: string): string {
  return OWNER_COLOURS[consumerNumber(consumerId) % OWNER_COLOURS.length]!;
}

/** A text colour with enough contrast on `ownerColour(consumerId)`. */
export function ownerTextColour(consumerId: string): string {
  return TEXT_ON[consumerNumber(consumerId) % TEXT_ON.length]!;
}
