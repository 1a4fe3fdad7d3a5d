import { select } from 'd3';
import { useEffect, type RefObject } from 'react';
import { useAppStoreApi } from '../store';
import { dotOffsetPx, drawTimeMs } from './flow';

/**
 * Moves the dots of every `path.flow-dots` under `groupRef` (each carrying its dot spacing in
 * `data-spacing`, px) once per display frame, from simulated time read transiently from the
 * store: React draws the paths only when the layout or the rates change, so the page does not
 * re-render per display frame. Off under reduced motion, where no dot paths are drawn.
 */
export function useFlowDotMotion(groupRef: RefObject<SVGGElement | null>, reducedMotion: boolean): void {
  const store = useAppStoreApi();
  useEffect(() => {
    if (reducedMotion || !groupRef.current) return;
    const root = select(groupRef.current);
    let frameWallMs = performance.now();
    let frameTimeMs = store.getState().snapshot?.timeMs ?? 0;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot) {
        frameWallMs = performance.now();
        frameTimeMs = state.snapshot?.timeMs ?? 0;
      }
    });
    let handle = 0;
    const draw = (wallMs: number) => {
      const { status, speed: playSpeed } = store.getState();
      const timeMs = drawTimeMs(frameTimeMs, frameWallMs, wallMs, playSpeed, status === 'playing');
      root.selectAll<SVGPathElement, unknown>('path.flow-dots').each(function moveDots() {
        const spacing = Number(this.dataset.spacing);
        if (spacing > 0) this.setAttribute('stroke-dashoffset', String(dotOffsetPx(timeMs, playSpeed, spacing)));
      });
      handle = requestAnimationFrame(draw);
    };
    handle = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(handle);
      unsubscribe();
    };
  }, [store, groupRef, reducedMotion]);
}
