// Step 3: the exact Care Opinion service(s) the story is about, one or more.
import type { Draft } from '../../../domain/story/story.ts';
import { useText } from '../../shared/text.ts';
import { FIELD_ID } from '../MissingList.tsx';
import { ServicePicker } from '../services/ServicePicker.tsx';

export type ServicesStepProps = { draft: Draft; onChange(next: Draft): void };

export function ServicesStep({ draft, onChange }: ServicesStepProps) {
  const t = useText();
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">{t.steps.titles.services}</h2>
      <p class="hint">{t.steps.services.hint}</p>
      <ServicePicker
        id={FIELD_ID.services}
        chosen={draft.services}
        onChange={(services) => onChange({ ...draft, services })}
      />
    </section>
  );
}
