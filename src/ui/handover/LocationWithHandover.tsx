// The router's location, with hand-over mode held beside it, for the whole app: while the
// storyteller holds the iPad the location is pinned to their story. Any other address (the browser's
// back gesture, a link) is turned back before it renders, so Home, Settings and other stories never
// appear. A lock ends the mode (see handover.ts).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, useLocation } from 'preact-iso';
import { useLock } from '../lock/lockActions.ts';
import { createHandover, HandoverContext, storyPath } from './handover.ts';

type Props = { children: ComponentChildren };

export function LocationWithHandover({ children }: Props) {
  return (
    <LocationProvider>
      <PinnedToStory>{children}</PinnedToStory>
    </LocationProvider>
  );
}

function PinnedToStory({ children }: Props) {
  const [handover] = useState(createHandover);
  const { state } = useLock();
  const { path, route } = useLocation();
  const phase = state.value.phase;
  const held = handover.current.value;
  // A new story's address becomes its own once its first answer is stored: both are its addresses.
  const strayed = held !== null && !held.paths.includes(path);
  useEffect(() => {
    if (phase === 'locked') handover.end();
  }, [handover, phase]);
  useEffect(() => {
    if (strayed) route(storyPath(held.storyId), true);
  }, [route, strayed, held]);
  return <HandoverContext.Provider value={handover}>{strayed ? null : children}</HandoverContext.Provider>;
}
