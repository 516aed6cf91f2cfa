// The services a story is about, each with a "Remove <name>" button.
import type { DraftService } from '../../domain/story.ts';

export type ChosenServicesProps = { chosen: readonly DraftService[]; onRemove(index: number): void };

export function ChosenServices({ chosen, onRemove }: ChosenServicesProps) {
  if (chosen.length === 0) return <p class="hint">No service chosen yet.</p>;
  return (
    <ul class="chosen-services" aria-label="Chosen services">
      {chosen.map((service, index) => (
        <li key={`${service.nacs ?? ''}-${service.name}`}>
          <span>
            <span class="service-name" dir="auto">
              {service.name}
            </span>
            {service.typedByHand && (
              <span class="service-meta"> Typed by hand: Care Opinion may not route it.</span>
            )}
          </span>
          <button type="button" aria-label={`Remove ${service.name}`} onClick={() => onRemove(index)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
