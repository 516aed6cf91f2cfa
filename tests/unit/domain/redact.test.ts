import { expect, it } from 'vitest';
import { redactFieldErrors } from '../../../src/domain/send/fieldErrors.ts';

it("blanks the story's own values out of server messages, case-insensitively", () => {
  const out = redactFieldErrors(
    [{ field: 'author.postcode', message: 'ng5 1pb is not a postcode for a.b+c@example.org' }],
    ['NG5 1PB', 'a.b+c@example.org', 'x'],
  );
  expect(out).toEqual([{ field: 'author.postcode', message: '… is not a postcode for …' }]);
});
it('leaves messages alone when nothing personal is in them', () => {
  expect(redactFieldErrors([{ field: 'title', message: 'Title is too long' }], ['rugbyfan33'])).toEqual([
    { field: 'title', message: 'Title is too long' },
  ]);
});
