// "Print or save as PDF": the story in the order of Care Opinion's paper "taking a story form", for
// the freepost route. The storyteller's username, postcode and email print only after a confirmation.
import { useEffect, useState } from 'preact/hooks';
import { printFields } from '../../../domain/handOff.ts';
import type { QueuedStory } from '../../../domain/submission.ts';

type Printing = { personal: boolean } | null;

export function PrintStory({ story }: { story: QueuedStory }) {
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
    <section class="handoff-print" aria-label="Print">
      {asking ? (
        <div class="note note-warn confirm">
          <p>
            Print the storyteller’s username, postcode and email too? Paper can be lost: print them only if
            the form goes straight into Care Opinion’s freepost envelope.
          </p>
          <div class="inline-row">
            <button type="button" onClick={() => print(false)}>
              Print without personal details
            </button>
            <button type="button" onClick={() => print(true)}>
              Print with username, postcode and email
            </button>
            <button type="button" class="button-quiet" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Print or save as PDF
        </button>
      )}
      {printing && (
        <div class="print-story">
          <h1>Care Opinion: taking a story</h1>
          <dl>
            {printFields(story, printing.personal).map((field) => (
              <div key={field.key}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
          <p>
            Consent to publish on Care Opinion given {new Date(story.consent.givenAt).toLocaleString('en-GB')}
            .
          </p>
        </div>
      )}
    </section>
  );
}
