// Step 5: the storyteller agrees to publication on a public website; unticked by default, and the time
// and who recorded it are kept.
import { DEFAULT_RECORDED_BY } from '../../../domain/sendReadiness.ts';
import { consentScript } from '../../../domain/steps.ts';
import type { Draft } from '../../../domain/story.ts';
import { useApp } from '../../actions.ts';
import { NeedMark } from '../../shared/NeedMark.tsx';

export type ConsentStepProps = { draft: Draft; onChange(next: Draft): void };

const formatTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

export function ConsentStep({ draft, onChange }: ConsentStepProps) {
  const { state } = useApp();
  const { consent } = draft;
  const handleChange = (checked: boolean) => {
    const recordedBy = state.settings.value.staffName.trim() || DEFAULT_RECORDED_BY;
    onChange({
      ...draft,
      consent: checked
        ? { publish: true, givenAt: new Date().toISOString(), recordedBy }
        : { publish: false, givenAt: undefined, recordedBy: undefined },
    });
  };
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">Consent</h2>
      <p class="hint">Read this out and wait for a clear answer.</p>
      <blockquote class="script">{consentScript()}</blockquote>
      <label class="check-row">
        <input
          type="checkbox"
          checked={consent.publish}
          onChange={(e) => handleChange(e.currentTarget.checked)}
        />
        <span>
          The storyteller gives consent to publish this story on Care Opinion
          <NeedMark need="required" />
        </span>
      </label>
      {consent.publish && consent.givenAt && (
        <p class="message-ok">
          Consent recorded at {formatTime(consent.givenAt)} by {consent.recordedBy ?? DEFAULT_RECORDED_BY}.
        </p>
      )}
      <p class="hint">
        No consent, no sending. The storyteller can withdraw at any time: ask a staff member, or contact Care
        Opinion after it is published.
      </p>
    </section>
  );
}
