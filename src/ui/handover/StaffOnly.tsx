// What only staff may see or use (scripts, prompts, Home, Lock, Send, settings links): not rendered
// at all in hand-over mode, so it is gone from the accessibility tree as well as from the screen.
import type { ComponentChildren } from 'preact';
import { useHandedOver } from './handover.ts';

export function StaffOnly({ children }: { children: ComponentChildren }) {
  return useHandedOver() ? null : <>{children}</>;
}
