import { describe, expect, it } from 'vitest';
import { checkPin } from '../../../src/domain/lock/pin.ts';
import { loadMessages, translate } from '../../../src/domain/words/index.ts';
import { describeWrongPin } from '../../../src/domain/words/lockWords.ts';

describe('words made outside the screens, shown in the chosen language', () => {
  it('a composed answer is worded sentence by sentence', async () => {
    const cy = await loadMessages('cy');
    expect(translate(describeWrongPin(1, null, 0), cy)).toBe(
      'Nid yw’r PIN hwnnw’n gywir. Rhowch gynnig arall arni.',
    );
    const easy = checkPin('111111');
    expect(easy.ok ? '' : translate(easy.reason, cy)).toBe(
      `${cy.lock.reasons.tooEasy.repeated} ${cy.lock.reasons.chooseAnother}`,
    );
  });

  it('words this version does not know (an older version stored them) are shown as they are', async () => {
    const cy = await loadMessages('cy');
    expect(translate('Sent by an old version; trying again', cy)).toBe(
      'Sent by an old version; trying again',
    );
  });
});
