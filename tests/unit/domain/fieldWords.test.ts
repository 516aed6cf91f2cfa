// A field the device's own check refused is named in the sentence by its worded name in the chosen
// language (the Welsh review, row 1: never the English key such as "username" inside Welsh).
import { describe, expect, it } from 'vitest';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { missingText } from '../../../src/domain/words/fieldWords.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';

const cy = await loadMessages('cy');

describe('missingText', () => {
  it.each(['username', 'postcode', 'body', 'email'] as const)('names %s in the language shown', (field) => {
    const problem = { code: 'notAccepted', field } as const;
    expect(missingText(problem, cy)).toBe(
      `Gwiriwch yr ateb hwn eto: ni dderbyniwyd “${cy.story.fields[field]}”.`,
    );
    expect(missingText(problem, cy)).not.toContain(`${field} `);
    expect(missingText(problem, enGB)).toBe(
      `Check this answer again: “${enGB.story.fields[field]}” was not accepted.`,
    );
  });
});
