// "Question 2 of 4": where the storyteller is, counting only the steps of hand-over mode (no Services
// step). Its own component so the story screen's header can place it; nothing in staff mode.
import { type StepIndex, stepProgress } from '../../domain/story/steps.ts';
import { useText } from '../shared/text.ts';
import { useHandedOver } from './handover.ts';

export function HandoverProgress({ step }: { step: StepIndex }) {
  const t = useText();
  const handedOver = useHandedOver();
  if (!handedOver) return null;
  const { number, of } = stepProgress(step, 'handover');
  return <p class="handover-progress">{t.handover.progress(number, of)}</p>;
}
