/**
 * The share UI in the lab. The buttons are part of the first screen (they are small); what they
 * open, and the notice that replays a `#run=` link, load on demand: they bring the scenario
 * validator (zod), the engine's parser and zlib (fflate), whose evaluation a learner who only
 * presses Play should never pay for while the page loads.
 */
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { sharedRunStore } from '../../share/ui/sharedRunStore';

export { ShareControls as LazyShareControls } from '../../share/ui/ShareControls';

const SharedRunNotice = lazy(() => import('../../share/ui/SharedRunNotice').then((m) => ({ default: m.SharedRunNotice })));

/**
 * Whether the location hash carries a shared run (`#run=…`). The same test as the share module's
 * `hasShareFragment` (LazyShare.test.ts holds them together), without loading that module.
 */
export function hasRunFragment(hash: string): boolean {
  return hash.startsWith('#run=');
}

function subscribeToHash(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/**
 * Whether the shared-run notice is needed: once there has been a `#run=` link or an opened run
 * file. It then stays mounted, so what it explains does not vanish when the hash changes.
 */
export function needsSharedRunNotice(hash: string, sharedRunKind: string, neededBefore: boolean): boolean {
  return neededBefore || hasRunFragment(hash) || sharedRunKind !== 'none';
}

/** Opens a `#run=` link and explains how it went (see SharedRunNotice); loads only when there is one. */
export function LazySharedRunNotice({ onUnreadable }: { onUnreadable?: () => void }) {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => '');
  const sharedRunKind = useStore(sharedRunStore, (s) => s.state.kind);
  const [needed, setNeeded] = useState(false);
  const needsNow = needsSharedRunNotice(hash, sharedRunKind, needed);
  // Set during render (React's pattern for state derived from a change): one extra render, no effect.
  if (needsNow && !needed) setNeeded(true);
  if (!needsNow) return null;
  return (
    <Suspense fallback={null}>
      <SharedRunNotice onUnreadable={onUnreadable} />
    </Suspense>
  );
}
