// Consent, given last: after the read-back, right before "Send to Care Opinion". Unticked by default;
// the time and who recorded it are kept: the collecting session's name, or — with nobody collecting —
// the name staff type here (the tick waits for it). When an edit cleared it, it says why and asks again.
// In hand-over mode it speaks to the storyteller ("You can withdraw…").
import { useState } from 'preact/hooks';

import { recordedByOf } from '../../../domain/session/session.ts';
import { consentWasCleared } from '../../../domain/story/draftEdits.ts';
import { DEFAULT_RECORDED_BY } from '../../../domain/story/sendReadiness.ts';
import type { Draft } from '../../../domain/story/story.ts';
import { useApp } from '../../actions.ts';
import { useHandedOver } from '../../handover/handover.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { NeedMark } from '../../shared/NeedMark.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useText } from '../../shared/text.ts';

/** The checkbox's id: "Still needed" focuses it, since consent is on the same step. */
export const CONSENT_BOX = 'consent-box';

export type ConsentBoxProps = { draft: Draft; onChange(next: Draft): void };

export function ConsentBox({ draft, onChange }: ConsentBoxProps) {
  const t = useText();
  const words = t.steps.finish;
  const { state } = useApp();
  const { consent } = draft;
  const handedOver = useHandedOver();
  const collector = state.session.value;
  const [nameNeeded, setNameNeeded] = useState(false);
  const typedName = consent.recordedBy ?? '';
  const handleChange = (checked: boolean, box: HTMLInputElement) => {
    // Consent always records the person collecting: with no session, the name typed here.
    const recordedBy = recordedByOf(collector, typedName.trim()) || undefined;
    if (checked && recordedBy === undefined && !handedOver) {
      box.checked = false;
      setNameNeeded(true);
      return;
    }
    onChange({
      ...draft,
      consent: checked
        ? { publish: true, givenAt: new Date().toISOString(), recordedBy }
        : { publish: false, recordedBy: collector ? undefined : consent.recordedBy },
    });
  };
  const handleName = (name: string) => {
    setNameNeeded(false);
    onChange({ ...draft, consent: { ...consent, recordedBy: name } });
  };
  const givenAt = consent.givenAt ? Date.parse(consent.givenAt) : Number.NaN;
  // The default is stored (and sent) as it is; on screen it reads in the screen's language.
  const stored = consent.recordedBy ?? DEFAULT_RECORDED_BY;
  const recordedBy = stored === DEFAULT_RECORDED_BY ? t.story.staffMember : stored;
  return (
    <section aria-labelledby="consent-title" class="consent">
      <h3 id="consent-title">{words.consentTitle}</h3>
      {consentWasCleared(draft) && (
        <p role="alert" class="message-error">
          {handedOver ? t.handover.consentCleared : words.consentCleared}
        </p>
      )}
      <StaffOnly>
        <p class="hint">{words.consentReadOut}</p>
      </StaffOnly>
      <blockquote class="script">{words.consentScript}</blockquote>
      {collector === null && (
        <StaffOnly>
          <TextField
            kind="text"
            required
            label={words.consentTakenBy}
            hint={words.consentTakenByHint}
            error={nameNeeded ? t.session.nameMissing : undefined}
            value={typedName}
            onInput={handleName}
          />
        </StaffOnly>
      )}
      <label class="check-row">
        <input
          id={CONSENT_BOX}
          type="checkbox"
          checked={consent.publish}
          onChange={(e) => handleChange(e.currentTarget.checked, e.currentTarget)}
        />
        <span>
          {handedOver ? t.handover.consentLabel : words.consentBox}
          <NeedMark need="required" />
        </span>
      </label>
      {consent.publish && Number.isFinite(givenAt) && (
        <p class="message-ok">{words.consentRecorded(givenAt, recordedBy)}</p>
      )}
      <p class="hint">{handedOver ? t.handover.noConsentNoSending : words.noConsentNoSending}</p>
    </section>
  );
}
