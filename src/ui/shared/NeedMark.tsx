// "(required)" or "(optional)" after a field's label, in words (colour alone would not say it).
import { useLockText } from './text.ts';

export function NeedMark({ need }: { need: 'required' | 'optional' }) {
  const t = useLockText();
  return <span class="field-need"> ({need === 'required' ? t.a11y.required : t.a11y.optional})</span>;
}
