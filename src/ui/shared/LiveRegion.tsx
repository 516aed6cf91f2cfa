// The single polite live region, always in the page (a region added with its words is not read), and
// the `announce` it offers to every screen through AnnounceContext.
import type { ComponentChildren } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { AnnounceContext } from './announce.ts';

export function LiveRegion({ children }: { children: ComponentChildren }) {
  const [said, setSaid] = useState({ words: '', count: 0 });
  const announce = useCallback((words: string) => setSaid((last) => ({ words, count: last.count + 1 })), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div id="announcements" class="visually-hidden" aria-live="polite" aria-atomic="true">
        {/* A new node each time: the same words said twice ("Saved…") are read twice. */}
        <span key={said.count}>{said.words}</span>
      </div>
    </AnnounceContext.Provider>
  );
}
