// Every field of a story ready to post, in the website's order, each with its full text to check
// against and a "Copy <field>" button that puts exactly that text on the clipboard and ticks it off;
// a service's place is shown beside its button (Care Opinion's form takes the name alone).
import { useState } from 'preact/hooks';
import type { HandOffField } from '../../../domain/words/handOffWords.ts';
import { useText } from '../../shared/text.ts';

export type CopyFieldsProps = { fields: HandOffField[]; copy: (text: string) => Promise<void> };

export function CopyFields({ fields, copy }: CopyFieldsProps) {
  const t = useText();
  const [copied, setCopied] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const handleCopy = async (field: HandOffField) => {
    try {
      await copy(field.value);
      setCopied(new Set([...copied, field.key]));
      setLast(t.handoff.copiedField(field.label));
      setProblem(null);
    } catch {
      // The clipboard refused (not allowed here): said so.
      setProblem(t.handoff.notCopied);
    }
  };
  return (
    <>
      <ol class="handoff-fields">
        {fields.map((field) => {
          const done = copied.has(field.key);
          return (
            <li key={field.key} class={done ? 'handoff-field handoff-field-done' : 'handoff-field'}>
              <h3>{field.label}</h3>
              <p class="handoff-value">{field.value}</p>
              <div class="inline-row">
                <button type="button" onClick={() => void handleCopy(field)}>
                  {t.handoff.copy(field.label)}
                </button>
                {field.place && (
                  <span class="service-meta" dir="auto">
                    {field.place}
                  </span>
                )}
                {done && <span class="handoff-tick">{t.handoff.copied}</span>}
              </div>
            </li>
          );
        })}
      </ol>
      <p role="status" class="visually-hidden">
        {last}
      </p>
      {problem && (
        <p role="alert" class="message-error">
          {problem}
        </p>
      )}
    </>
  );
}
