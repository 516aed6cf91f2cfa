// The story screen's header while the storyteller holds the iPad: words addressed to them, and
// "Give back to staff". Focus starts on the heading, so a screen reader says where they are.
import { useEffect, useRef } from 'preact/hooks';
import { useText } from '../shared/text.ts';
import { GiveBack } from './GiveBack.tsx';

export function HandoverHeader() {
  const t = useText();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <header class="handover-header">
      <div class="screen-header">
        <h1 id="story-title" tabIndex={-1} ref={heading}>
          {t.handover.title}
        </h1>
        <GiveBack />
      </div>
      <p class="handover-intro">{t.handover.intro}</p>
    </header>
  );
}
