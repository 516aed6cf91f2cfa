// Step 3: the exact Care Opinion service(s) the story is about, one or more.
import type { Draft } from '../../../domain/story.ts';
import { ServicePicker } from '../ServicePicker.tsx';

export type ServicesStepProps = { draft: Draft; onChange(next: Draft): void };

export function ServicesStep({ draft, onChange }: ServicesStepProps) {
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">Services</h2>
      <p class="hint">
        Which service was this about? Add every service on the journey, each by its Care Opinion name.
      </p>
      <ServicePicker chosen={draft.services} onChange={(services) => onChange({ ...draft, services })} />
    </section>
  );
}
