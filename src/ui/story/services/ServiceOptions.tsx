// The service search results: a listbox of options, each named by the service with its place in
// the directory (site, organisation) and its type, so services sharing a name can be told apart.
// Chosen by tap or (from the search field) by arrow keys and Enter.
import type { SearchResult } from '../../../domain/directory/search.ts';
import { useText } from '../../shared/text.ts';

export type ServiceOptionsProps = {
  id: string;
  results: readonly SearchResult[];
  active: number;
  /** A newer search is on its way: the options shown answer an earlier query. */
  busy: boolean;
  onChoose(result: SearchResult): void;
};

export function ServiceOptions({ id, results, active, busy, onChoose }: ServiceOptionsProps) {
  const t = useText();
  return (
    <div
      id={id}
      role="listbox"
      aria-label={t.picker.found}
      aria-busy={busy}
      class="service-options"
      hidden={results.length === 0}
    >
      {results.map((result, index) => {
        const { service } = result;
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the combobox (ARIA pattern)
          <div
            key={service.nacs}
            id={`${id}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            class={index === active ? 'service-option service-option-active' : 'service-option'}
            onClick={() => onChoose(result)}
          >
            <span>
              <span class="service-name" dir="auto">
                {service.name}
              </span>
              {result.place !== '' && ` — ${result.place}`}
            </span>
            <span class="service-meta">{service.type}</span>
          </div>
        );
      })}
    </div>
  );
}
