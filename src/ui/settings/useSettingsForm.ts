// Settings' form state: the values as typed, their check with the domain's settings schema and the
// API-address and postcode rules, the recovery code when the destination changes, and Save.
import { useState } from 'preact/hooks';
import { checkPostcode } from '../../domain/fields/postcode.ts';
import { checkInvitationLink } from '../../domain/regions/regions.ts';
import {
  checkApiAddress,
  destinationChangeNeedsCode,
  type Settings,
  SettingsSchema,
} from '../../domain/settings/settings.ts';
import { postcodeProblem } from '../../domain/words/fieldWords.ts';
import type { Messages } from '../../domain/words/index.ts';
import { saveProblemText, settingsProblemText } from '../../domain/words/settingsWords.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';
import type { PolicyText } from './PolicyFields.tsx';

export type SettingsErrors = Partial<Record<keyof Settings, string>>;
type Message = { ok: boolean; text: string } | null;

const toText = (n: number) => String(Math.round(n * 1000) / 1000);
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/** The typed form as settings, or what is wrong with each field. */
export function checkSettingsForm(
  draft: Settings,
  policy: PolicyText,
  t: Messages,
): { settings?: Settings; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const address = draft.apiAddress.trim() === '' ? null : checkApiAddress(draft.apiAddress);
  if (address && !address.ok) errors.apiAddress = settingsProblemText(address.reason, t);
  const invitation = draft.invitationLink.trim() === '' ? null : checkInvitationLink(draft.invitationLink);
  if (invitation && !invitation.ok) errors.invitationLink = settingsProblemText(invitation.reason, t);
  const postcode = draft.organisationPostcode.trim();
  const checked = postcode === '' ? null : checkPostcode(postcode, draft.region);
  if (checked && !checked.ok) errors.organisationPostcode = postcodeProblem(checked, t);
  const candidate = {
    ...draft,
    apiAddress: address?.ok ? address.address : '',
    invitationLink: invitation?.ok ? invitation.address : '',
    organisationPostcode: checked?.ok ? checked.postcode : postcode,
    onBehalfThreshold: toNumber(policy.thresholdPercent) / 100,
    autoLockMinutes: toNumber(policy.autoLockMinutes),
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as keyof Settings;
      if (field === 'onBehalfThreshold') errors.onBehalfThreshold = t.settings.reasons.percentage;
      else if (field === 'autoLockMinutes') errors.autoLockMinutes = t.settings.reasons.minutes;
      else errors[field] ??= t.settings.reasons.notAccepted;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { settings: parsed.data, errors };
}

export function useSettingsForm() {
  const { state, actions } = useApp();
  const t = useText();
  const initial = state.settings.value;
  const [draft, setDraft] = useState<Settings>(initial);
  const [policy, setPolicy] = useState<PolicyText>({
    thresholdPercent: toText(initial.onBehalfThreshold * 100),
    autoLockMinutes: toText(initial.autoLockMinutes),
  });
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const [recoveryCode, setRecoveryCode] = useState('');
  const typedAddress = checkApiAddress(draft.apiAddress);
  const needsCode = destinationChangeNeedsCode(
    { settings: state.settings.value, note: null, destinationChosen: state.destinationChosen.value },
    {
      apiAddress: typedAddress.ok ? typedAddress.address : draft.apiAddress.trim(),
      key: draft.key,
      delivery: draft.delivery,
    },
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
    const checked = checkSettingsForm(draft, policy, t);
    setErrors(checked.errors);
    if (!checked.settings) {
      setMessage({ ok: false, text: t.settings.reasons.needChanges });
      return;
    }
    const result = await actions.saveSettings(checked.settings, needsCode ? recoveryCode : undefined);
    if (result.ok) {
      setDraft(checked.settings);
      setRecoveryCode('');
    }
    setMessage(
      result.ok
        ? { ok: true, text: t.settings.reasons.saved }
        : { ok: false, text: saveProblemText(result.reason, t) },
    );
  };
  return {
    draft,
    policy,
    errors,
    message,
    update,
    updatePolicy,
    submit,
    needsCode,
    recoveryCode,
    setRecoveryCode,
  };
}
