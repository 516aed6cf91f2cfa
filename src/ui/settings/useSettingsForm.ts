// Settings' form state: the values as typed, the errors and message shown, the recovery code when the
// destination changes, and Save. The rules are the domain's (settings/settingsForm.ts, settings.ts).
import { useState } from 'preact/hooks';
import type { Settings } from '../../domain/settings/settings.ts';
import {
  checkSettingsForm,
  policyText,
  type SettingsErrors,
  typedChangeNeedsCode,
  withSavedKey,
} from '../../domain/settings/settingsForm.ts';
import { saveProblemText, settingsErrorsText } from '../../domain/words/settingsWords.ts';
import { useApp, useSettingsActions } from '../actions.ts';
import { useText } from '../shared/text.ts';
import type { PolicyText } from './PolicyFields.tsx';

type Message = { ok: boolean; text: string } | null;

export function useSettingsForm() {
  const { state } = useApp();
  const actions = useSettingsActions();
  const t = useText();
  const initial = state.settings.value;
  // The key field starts empty, never with the saved key: left empty, the saved key is kept for the
  // saved address only (withSavedKey).
  const [draft, setDraft] = useState<Settings>({ ...initial, key: '' });
  const [policy, setPolicy] = useState<PolicyText>(policyText(initial));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const [recoveryCode, setRecoveryCode] = useState('');
  // The recovery code's refusal, shown on its field (beside the address), not under Save.
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const typed = withSavedKey(state.settings.value, draft);
  const needsCode = typedChangeNeedsCode(
    { settings: state.settings.value, note: null, destinationChosen: state.destinationChosen.value },
    typed,
  );
  const update = (patch: Partial<Settings>) => {
    setDraft({ ...draft, ...patch });
    setMessage(null);
  };
  const updatePolicy = (patch: Partial<PolicyText>) => {
    setPolicy({ ...policy, ...patch });
    setMessage(null);
  };
  const submit = async () => {
    const checked = checkSettingsForm(typed, policy);
    setErrors(checked.errors);
    setCodeError(undefined);
    setMessage(null);
    // Refused fields are in the error summary at the top (GOV.UK), which takes the focus.
    if (!checked.settings) {
      setAttempt(attempt + 1);
      return;
    }
    const result = await actions.saveSettings(checked.settings, needsCode ? recoveryCode : undefined);
    if (result.ok) {
      setDraft({ ...checked.settings, key: '' });
      setRecoveryCode('');
      setMessage({ ok: true, text: t.settings.reasons.saved });
    } else if (typeof result.reason !== 'string' || result.reason === 'needsCode') {
      // The recovery code is missing, or the lock's answer: it is not right.
      setCodeError(saveProblemText(result.reason, t));
      setAttempt(attempt + 1);
    } else setMessage({ ok: false, text: saveProblemText(result.reason, t) });
  };
  return {
    draft,
    /** What Save would store: the draft with the saved key kept when the key field is left empty. */
    typed,
    policy,
    errors: settingsErrorsText(errors, t),
    message,
    update,
    updatePolicy,
    submit,
    needsCode,
    recoveryCode,
    setRecoveryCode,
    codeError,
    /** Counts the submits refused with problems: the error summary takes the focus at each. */
    attempt,
  };
}
