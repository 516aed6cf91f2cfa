// Finds the exact Care Opinion service(s) a story is about, offline, from the directory on the device;
// a service not in the directory can be added as typed, with a warning. Reusable outside the story.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SearchResult } from '../../../domain/directory/search.ts';
import { serviceLabel } from '../../../domain/directory/serviceLabel.ts';
import { notChosenYet, pinFirst } from '../../../domain/session/session.ts';
import type { DraftService } from '../../../domain/story/story.ts';
import { useApp, useDirectoryActions } from '../../actions.ts';
import { useAnnounce } from '../../shared/announce.ts';
import { NeedMark } from '../../shared/NeedMark.tsx';
import { useText } from '../../shared/text.ts';
import { ChosenServices } from './ChosenServices.tsx';
import { DirectoryNote } from './DirectoryNote.tsx';
import { ServiceOptions } from './ServiceOptions.tsx';

/** The best few results: more would push the rest of the step off an iPad screen. */
const SHOWN = 8;
/** The count of results is said once typing pauses, not after every letter. */
const COUNT_PAUSE_MS = 700;

export type ServicePickerProps = {
  chosen: readonly DraftService[];
  onChange(next: DraftService[]): void;
  /** The search field's id (the story's "still needed" list links to it). */
  id?: string | undefined;
  /** Whether the search is marked "(required)": a story needs a service, a session does not. */
  need?: 'required' | 'optional' | undefined;
};

export function ServicePicker({ chosen, onChange, id: given, need = 'required' }: ServicePickerProps) {
  const { state } = useApp();
  const actions = useDirectoryActions();
  const t = useText();
  const announce = useAnnounce();
  const made = useId();
  const id = given ?? made;
  const search = useRef<HTMLInputElement>(null);
  // This collecting session's services: offered with one tap, and first among the results.
  const pinned = state.session.value?.services ?? [];
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(-1);
  // Answers come back from the directory worker: only the latest question's answer is shown.
  const asked = useRef(0);
  const [searching, setSearching] = useState(false);
  const typed = query.trim();
  const shown = results.slice(0, SHOWN);
  const hasExact = results.some((result) => result.match === 'exact');
  const answered = typed !== '' && !searching;
  useEffect(() => {
    if (!answered) return;
    const count = results.length;
    const timer = setTimeout(
      () => announce(count > SHOWN ? t.a11y.moreServicesFound(SHOWN) : t.a11y.servicesFound(count)),
      COUNT_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [answered, results, announce, t]);

  const handleInput = (value: string) => {
    setQuery(value);
    setActive(-1);
    const question = ++asked.current;
    setSearching(value.trim() !== '');
    if (value.trim() === '') {
      setResults([]);
      return;
    }
    void actions.searchServices(value).then((found) => {
      if (asked.current !== question) return;
      setResults(pinFirst(found, pinned, (result) => result.service));
      setSearching(false);
    });
  };
  const add = (service: DraftService) => {
    const already = chosen.some((c) =>
      service.nacs
        ? c.nacs === service.nacs
        : c.name.trim().toLowerCase() === service.name.trim().toLowerCase(),
    );
    if (!already) onChange([...chosen, service]);
    handleInput('');
    // The option or "Add … as typed" that was tapped is gone: the search is the next place.
    search.current?.focus();
  };
  const choose = (result: SearchResult) => {
    const { nacs, name, postcode } = result.service;
    actions.noteServiceChosen(nacs);
    add({ nacs, name, ...(result.keep ? { place: result.keep } : {}), ...(postcode ? { postcode } : {}) });
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const picked = shown[active];
      if (picked) choose(picked);
    } else if (event.key === 'Escape') {
      handleInput('');
    }
  };
  const listId = `${id}-list`;
  const open = shown.length > 0;
  return (
    <div class="service-picker">
      <ChosenServices
        chosen={chosen}
        onRemove={(index) => {
          onChange(chosen.filter((_, i) => i !== index));
          search.current?.focus();
        }}
      />
      <div class="field">
        <label for={id}>
          {t.picker.findLabel}
          {need && <NeedMark need={need} />}
        </label>
        <p class="field-hint" id={`${id}-hint`}>
          {t.picker.findHint}
        </p>
        <input
          dir="auto"
          id={id}
          ref={search}
          type="text"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          aria-describedby={`${id}-hint`}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          value={query}
          onInput={(e) => handleInput(e.currentTarget.value)}
          onKeyDown={handleKeyDown}
        />
      </div>
      {typed === '' && notChosenYet(pinned, chosen).length > 0 && (
        <fieldset class="button-row">
          <legend>{t.session.pinned}</legend>
          {notChosenYet(pinned, chosen).map((service) => (
            <button key={service.nacs ?? service.name} type="button" dir="auto" onClick={() => add(service)}>
              {t.session.addPinned(serviceLabel(service))}
            </button>
          ))}
        </fieldset>
      )}
      <ServiceOptions id={listId} results={shown} active={active} busy={searching} onChoose={choose} />
      {results.length > SHOWN && <p class="hint">{t.picker.moreMatch}</p>}
      <DirectoryNote />
      {typed !== '' && !hasExact && (
        <div class="note note-warn">
          <p>
            {results.length === 0 ? `${t.picker.noMatch} ` : ''}
            {t.picker.notInList}
          </p>
          <button type="button" onClick={() => add({ name: typed, typedByHand: true })}>
            {t.picker.addTyped(typed)}
          </button>
        </div>
      )}
    </div>
  );
}
