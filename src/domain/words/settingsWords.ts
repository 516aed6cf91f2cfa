// Settings' codes in words: why a setting, the relay connection or a save was refused, and how the
// settings were first set up, and what is wrong with a field of Settings' form (the catalogue's
// `settings.reasons`).

import type { LockProblem } from '../lock/lockProblem.ts';
import type { SettingsErrors } from '../settings/settingsForm.ts';
import type { SettingsFieldProblem, SettingsProblem, SetupNote } from '../settings/settingsProblem.ts';
import { postcodeProblem } from './fieldWords.ts';
import type { Messages } from './index.ts';
import { lockProblemText } from './lockWords.ts';

type SettingsReason = Exclude<SettingsProblem, 'displayNotSaved' | 'sessionNotSaved'>;

export function settingsProblemText(problem: SettingsProblem, t: Messages): string {
  if (problem === 'displayNotSaved') return t.common.displayNotSaved;
  if (problem === 'sessionNotSaved') return t.session.notSaved;
  return t.settings.reasons[problem satisfies SettingsReason];
}

export function setupNoteText(note: SetupNote, t: Messages): string {
  if (note.code === 'addressIgnored') return t.settings.setupIgnored(t.settings.reasons[note.reason]);
  return t.settings.reasons[note.code];
}

/** Why a save did not happen: a settings code, or the lock's answer about the recovery code. */
export function saveProblemText(problem: SettingsProblem | LockProblem, t: Messages): string {
  return typeof problem === 'string' ? settingsProblemText(problem, t) : lockProblemText(problem, t);
}

/** Why a field of Settings' form is refused, in `t`'s words (a postcode: what one looks like there). */
export function settingsFieldText(problem: SettingsFieldProblem, t: Messages): string {
  return typeof problem === 'string' ? t.settings.reasons[problem] : postcodeProblem(problem, t);
}

/** Each refused field of Settings' form in `t`'s words. */
export function settingsErrorsText(
  errors: SettingsErrors,
  t: Messages,
): Partial<Record<keyof SettingsErrors, string>> {
  const out: Partial<Record<keyof SettingsErrors, string>> = {};
  for (const [field, problem] of Object.entries(errors) as [keyof SettingsErrors, SettingsFieldProblem][])
    out[field] = settingsFieldText(problem, t);
  return out;
}
