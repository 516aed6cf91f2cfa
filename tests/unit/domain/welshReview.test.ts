// The Welsh review (../shared/docs/WELSH-REVIEW.md) applied: one case per row whose wording the
// catalogue must keep, so a later edit cannot quietly bring the old wording back.
import { describe, expect, it } from 'vitest';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';

const cy = await loadMessages('cy');

describe('the Welsh review', () => {
  it.each<[string, string, string]>([
    [
      '2 closing',
      cy.steps.closing.sentences.services({ services: 'Ward 7', site: 'www.careopinion.cymru' }),
      'Bydd staff Ward 7 yn gallu ei darllen ac ymateb.',
    ],
    [
      '3 may have arrived',
      cy.home.reasons.mayHaveArrived,
      'Efallai fod y stori hon wedi’i hanfon at Care Opinion eisoes: nid oes modd ei newid.',
    ],
    ['4 save retried', cy.home.reasons.notSavedYet, 'bydd yr ap yn ceisio ei chadw eto.'],
    ['5 two services', cy.settings.directory.stored(2), '2 wasanaeth wedi’u storio'],
    ['5 few services', cy.settings.directory.downloading(3), 'Yn llwytho i lawr: 3 gwasanaeth hyd yma'],
    ['5 English singular', enGB.settings.directory.downloading(1), 'Downloading: 1 service so far'],
    ['6 posted on behalf', cy.steps.whyWeAsk.email, 'yn postio’r stori ar eich rhan'],
    ['7 {n} stori', cy.numbers.shareCount(3, 40, null), '3 o 40 stori'],
    ['8 postcode hint', cy.storyteller.postcodeHint, 'ac ni chaiff byth ei gyhoeddi.'],
    ['9 neu + soft mutation', cy.handoff.address.empty, 'neu deipiwch ei rhif'],
    ['10 iPadOS in English', cy.display.textSizeHint, '(Settings, Accessibility, Larger Text)'],
    ['11 Anfon at', cy.steps.finish.send, 'Anfon at Care Opinion'],
    ['12 hand over', cy.handover.handTo, 'Rhoi’r iPad i adroddwr y stori'],
    ['13 who is telling', cy.steps.whyWeAsk.role, 'a ydych chi’n glaf, yn ofalwr, yn berthynas neu’n ffrind'],
    ['16 o dua', cy.settings.directory.downloadingOf(5, 100), 'o dua 100'],
    ['17 code hint', cy.lock.recoveryCodeHint, '6 grŵp o 4 nod (llythrennau a digidau)'],
    ['18 PIN too long', cy.lock.reasons.tooLong, 'Ni all y PIN fod yn hwy nag 8 digid.'],
    ['20 card services', cy.card.services, 'Gwasanaethau'],
    ['22 all time', cy.numbers.shareLine('a', 'b', 'c'), 'ers y dechrau b'],
    ['24 lockout', cy.lock.lockout(0, 0, 30), 'Rydych wedi rhoi PIN anghywir ormod o weithiau.'],
  ])('row %s', (_, text, words) => {
    expect(text).toContain(words);
  });

  it.each<[string, string]>([
    [
      '2',
      Object.values(cy.steps.closing.sentences)
        .map((say) => say({ services: 'Ward 7', site: 'x' }))
        .join(' '),
    ],
    ['3', cy.send.refusals.alreadySent],
    ['7', cy.numbers.lockWaiting(40)],
    ['25', JSON.stringify(cy, (_, value) => (typeof value === 'function' ? undefined : value))],
  ])('row %s leaves none of the old wording', (_, text) => {
    expect(text).not.toMatch(
      /Bydd y staff yn|neu efallai ei bod|o straeon yn aros|Does dim|Dydy|cheisir|chedwir/,
    );
  });
});
