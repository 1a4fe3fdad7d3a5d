import { useEffect, useRef } from 'react';

/** Moves focus to the element on mount, so a screen reader announces the page a link opened. */
export function useFocusOnMount<T extends HTMLElement>(): React.RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}
