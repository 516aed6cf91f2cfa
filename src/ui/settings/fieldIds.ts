// The ids of Settings' fields that can be refused, so that the error summary's links reach them.
import type { Settings } from '../../domain/settings/settings.ts';

export function settingsFieldId(key: keyof Settings): string {
  return `settings-${key}`;
}

/** "Recovery code", asked for beside the change of destination that needs it. */
export const RECOVERY_CODE_ID = 'settings-recovery-code';
