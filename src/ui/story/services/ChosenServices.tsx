// The services a story is about, each named with its place ("Orthopaedics — Abernant Royal
// Infirmary"), each with a "Remove <name — place>" button.
import { serviceLabel } from '../../../domain/directory/serviceLabel.ts';
import type { DraftService } from '../../../domain/story/story.ts';
import { useText } from '../../shared/text.ts';

export type ChosenServicesProps = { chosen: readonly DraftService[]; onRemove(index: number): void };

export function ChosenServices({ chosen, onRemove }: ChosenServicesProps) {
  const t = useText();
  if (chosen.length === 0) return <p class="hint">{t.picker.noneChosen}</p>;
  return (
    <ul class="chosen-services" aria-label={t.picker.chosen}>
      {chosen.map((service, index) => (
        <li key={`${service.nacs ?? ''}-${service.name}`}>
          <span>
            <span class="service-name" dir="auto">
              {serviceLabel(service)}
            </span>
            {service.typedByHand && <span class="service-meta"> {t.picker.typedByHand}</span>}
          </span>
          <button
            type="button"
            aria-label={t.picker.removeNamed(serviceLabel(service))}
            onClick={() => onRemove(index)}
          >
            {t.picker.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}
