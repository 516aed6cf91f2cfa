// A "Why do we ask?" note the staff member can open and read out beside a storyteller field.
import { useText } from '../../shared/text.ts';

export type WhyWeAskProps = { text: string };

export function WhyWeAsk({ text }: WhyWeAskProps) {
  const t = useText();
  return (
    <details class="why">
      <summary>{t.storyteller.whyWeAsk}</summary>
      <p>{text}</p>
    </details>
  );
}
