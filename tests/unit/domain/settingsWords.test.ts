// Settings' answers are codes, worded by the screens: in English exactly the sentences the rules used
// to return, in Welsh the Welsh catalogue's (which the English sentences with a relay address in
// them, or about the set-up file, never had).
import { describe, expect, it } from 'vitest';
import { enrolmentRefusal, readRelayAddress } from '../../../src/domain/settings/relay.ts';
import { adoptAppConfig, DEFAULT_SETTINGS, readSettings } from '../../../src/domain/settings/settings.ts';
import { checkSettingsForm, policyText } from '../../../src/domain/settings/settingsForm.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';
import {
  saveProblemText,
  settingsErrorsText,
  setupNoteText,
} from '../../../src/domain/words/settingsWords.ts';

const cy = await loadMessages('cy');

describe('settings codes in words', () => {
  it('an empty relay address asks for the relay address, in either language', () => {
    const relay = readRelayAddress('  ');
    expect(relay).toEqual({ ok: false, reason: 'enterRelayAddress' });
    if (relay.ok) return;
    expect(saveProblemText(relay.reason, enGB)).toBe(
      'Enter the relay address, for example https://relay.example.org/api/v2.',
    );
    expect(saveProblemText(relay.reason, cy)).toMatch(/^Rhowch gyfeiriad y gyfnewidfa/);
  });

  it('the relay refusing a code is a code', () => {
    expect(enrolmentRefusal(410, 'code-used')).toBe('codeUsed');
    expect(enrolmentRefusal(400, 'code-not-accepted')).toBe('codeNotAccepted');
    expect(saveProblemText('codeNotAccepted', enGB)).toMatch(/^The relay did not accept this enrolment code/);
    expect(saveProblemText('codeNotAccepted', cy)).toMatch(/^Ni dderbyniodd y gyfnewidfa/);
    expect(enrolmentRefusal(400, 'toString')).toBe('relayRefused');
    expect(enrolmentRefusal(429, undefined)).toBe('tooManyCodes');
    expect(saveProblemText('relayUnreachable', cy)).toBe(cy.settings.reasons.relayUnreachable);
    expect(saveProblemText('displayNotSaved', cy)).toBe(cy.common.displayNotSaved);
    expect(saveProblemText('sessionNotSaved', enGB)).toBe(enGB.session.notSaved);
  });

  it('a set-up file whose address was ignored says why, in the chosen language', () => {
    const adoption = adoptAppConfig({ apiAddress: 'http://example.org' });
    expect(adoption.note).toEqual({ code: 'addressIgnored', reason: 'useHttps' });
    expect(setupNoteText(adoption.note, enGB)).toBe(
      "The set-up file's API address was ignored: Use an https:// address (http:// is allowed only for localhost and 127.0.0.1).",
    );
    expect(setupNoteText(adoption.note, cy)).toBe(cy.settings.setupIgnored(cy.settings.reasons.useHttps));
    expect(setupNoteText({ code: 'configAdopted' }, cy)).toBe(cy.settings.reasons.configAdopted);
  });

  it("Settings' form refuses fields with codes, worded by the screen in the chosen language", () => {
    const typed = {
      ...DEFAULT_SETTINGS,
      apiAddress: 'http://example.org',
      invitationLink: 'https://example.org/invite',
      organisationPostcode: 'not a postcode',
    };
    const { settings, errors } = checkSettingsForm(typed, {
      thresholdPercent: '120',
      autoLockMinutes: 'x',
      sessionIdleHours: '0.5',
    });
    expect(settings).toBeUndefined();
    expect(errors).toEqual({
      apiAddress: 'useHttps',
      invitationLink: 'invitationLink',
      organisationPostcode: { code: 'format', region: 'uk' },
      onBehalfThreshold: 'percentage',
      autoLockMinutes: 'minutes',
      sessionIdleHours: 'hours',
    });
    const english = settingsErrorsText(errors, enGB);
    expect(english.apiAddress).toBe(enGB.settings.reasons.useHttps);
    expect(english.onBehalfThreshold).toBe('Enter a percentage from 0 to 100.');
    const welsh = settingsErrorsText(errors, cy);
    expect(welsh.autoLockMinutes).toBe(cy.settings.reasons.minutes);
    expect(english.sessionIdleHours).toBe('Enter a number of hours from 1 to 12.');
    expect(welsh.sessionIdleHours).toBe(cy.settings.reasons.hours);
    expect(welsh.organisationPostcode).toBe(
      cy.storyteller.postcode.format(cy.storyteller.postcode.looksLike.uk),
    );
  });

  it('the long idle that ends a collecting session: 2 hours by default, 1 to 12 hours beside the auto-lock', () => {
    expect(DEFAULT_SETTINGS.sessionIdleHours).toBe(2);
    const policy = { ...policyText(DEFAULT_SETTINGS) };
    expect(policy.sessionIdleHours).toBe('2');
    expect(
      checkSettingsForm(DEFAULT_SETTINGS, { ...policy, sessionIdleHours: '8' }).settings?.sessionIdleHours,
    ).toBe(8);
    for (const typed of ['0', '13', '', 'two'])
      expect(checkSettingsForm(DEFAULT_SETTINGS, { ...policy, sessionIdleHours: typed }).errors).toEqual({
        sessionIdleHours: 'hours',
      });
    // An old record without it reads the default.
    expect(readSettings({ autoLockMinutes: 10 }).sessionIdleHours).toBe(2);
  });
});
