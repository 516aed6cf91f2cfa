// A "Why do we ask?" note the staff member can open and read out beside a storyteller field.
export type WhyWeAskProps = { text: string };

export function WhyWeAsk({ text }: WhyWeAskProps) {
  return (
    <details class="why">
      <summary>Why do we ask?</summary>
      <p>{text}</p>
    </details>
  );
}
