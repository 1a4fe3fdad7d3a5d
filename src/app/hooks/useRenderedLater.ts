import { startTransition, useEffect, useState } from 'react';

/**
 * False on the first render, then true in a transition started after that render commits. A page
 * draws its first screen with what it needs at once and renders the rest when this turns true:
 * React renders a transition in slices of a few ms and yields between them, so the rest never
 * makes one long task that blocks a tap on a slow phone (Lighthouse's total blocking time).
 */
export function useRenderedLater(): boolean {
  const [later, setLater] = useState(false);
  useEffect(() => startTransition(() => setLater(true)), []);
  return later;
}
