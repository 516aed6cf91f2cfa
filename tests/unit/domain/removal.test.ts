// Issue 24 item 10: "Delete" on a draft (no consent acted on yet), "Withdraw" once queued with consent.
import { describe, expect, it } from 'vitest';
import { removalOf } from '../../../src/domain/send/sendRules.ts';

describe('removalOf', () => {
  it('a draft is deleted', () => {
    expect(removalOf({ state: 'draft' })).toBe('delete');
  });
  it.each(['queued', 'ready-to-post', 'sending', 'sent', 'needs-attention'] as const)(
    'a story in %s (queued with consent) is withdrawn',
    (state) => {
      expect(removalOf({ state })).toBe('withdraw');
    },
  );
});
