import { useEffect, useRef } from 'react';

/**
 * A function that calls `action` once input has been quiet for `quietMs` real ms: a slider
 * dragged across its range becomes one change for the engine, not fifty.
 */
export function useDebounced<T>(action: (value: T) => void, quietMs: number): (value: T) => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  }, [action]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return (value: T) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(value), quietMs);
  };
}
