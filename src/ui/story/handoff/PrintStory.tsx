// "Print or save as PDF": the story in the order of Care Opinion's paper "taking a story form", for
// the freepost route. The storyteller's username, postcode and email print only after a confirmation.
import { useEffect, useState } from 'preact/hooks';
import type { QueuedStory } from '../../../domain/story/submission.ts';
import { printFields } from '../../../domain/words/handOffWords.ts';
import { useText } from '../../shared/text.ts';

type Printing = { personal: boolean } | null;

export function PrintStory({ story }: { story: QueuedStory }) {
  const t = useText();
  const [asking, setAsking] = useState(false);
  const [printing, setPrinting] = useState<Printing>(null);
  useEffect(() => {
    if (printing === null) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done, { once: true });
    document.body.classList.add('printing-story');
    window.print();
    return () => {
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('printing-story');
    };
  }, [printing]);
  const print = (personal: boolean) => {
    setAsking(false);
    setPrinting({ personal });
  };
  return (
    <section class="handoff-print" aria-label={t.handoff.print}>
      {asking ? (
        <div class="note note-warn confirm">
          <p>{t.handoff.printPersonalAsk}</p>
          <div class="inline-row">
            <button type="button" onClick={() => print(false)}>
              {t.handoff.printWithout}
            </button>
            <button type="button" onClick={() => print(true)}>
              {t.handoff.printWith}
            </button>
            <button type="button" class="button-quiet" onClick={() => setAsking(false)}>
              {t.handoff.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t.handoff.printOrSave}
        </button>
      )}
      {printing && (
        <div class="print-story">
          <h1>{t.handoff.printTitle}</h1>
          <dl>
            {printFields(story, printing.personal, t).map((field) => (
              <div key={field.key}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
          <p>{t.handoff.consentGiven(Date.parse(story.consent.givenAt))}</p>
        </div>
      )}
    </section>
  );
}
