// "Give back to staff": asks for the staff PIN (PinCheck). A right PIN ends hand-over mode; a wrong
// one keeps it, says so, and counts toward the wrong-PIN waits like a wrong unlock.
import { useState } from 'preact/hooks';
import { useText } from '../shared/text.ts';
import { HAND_TO_ID } from './HandToStoryteller.tsx';
import { useHandover } from './handover.ts';
import { PinCheck } from './PinCheck.tsx';

export function GiveBack() {
  const t = useText();
  const handover = useHandover();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t.handover.giveBack}
      </button>
    );
  const { giveBackTitle: title, pinLabel, confirm, cancel, checking } = t.handover;
  return (
    <PinCheck
      titleId="give-back-title"
      className="give-back"
      words={{ title, pinLabel, confirm, cancel, checking }}
      onConfirmed={() => {
        handover.end();
        // Focus goes back to the control that started the mode, once the staff header is drawn.
        requestAnimationFrame(() => document.getElementById(HAND_TO_ID)?.focus());
      }}
      onCancel={() => setAsking(false)}
    />
  );
}
