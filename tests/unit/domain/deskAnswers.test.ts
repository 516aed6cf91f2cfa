// Issue 27: the posting desk's answers as the queue acts on them (relay/README.md "The posting desk"),
// beside Care Opinion's in the one answer table, and the settings rule that offers the desk.
import { describe, expect, it } from 'vitest';
import {
  type Answer,
  classifyDeskAnswer,
  classifyDeskDelete,
  readDeskStatus,
} from '../../../src/domain/send/answers.ts';
import { deskOffered } from '../../../src/domain/settings/relay.ts';

type Response = Extract<Answer, { kind: 'response' }>;
const json = (status: number, body?: unknown, contentType = 'application/json'): Response => ({
  kind: 'response',
  status,
  type: 'basic',
  contentType,
  retryAfter: null,
  ...(body === undefined ? {} : { json: body }),
});

describe('POST /desk/stories', () => {
  it.each([
    ['201 with its id', json(201, { id: 'd-1' }), { class: 'at-desk' }],
    ['200 (a replay) with its id', json(200, { id: 'd-1' }), { class: 'at-desk' }],
    ['201 cut off', { ...json(201), bodyCutOff: true }, { class: 'retry', reason: 'incomplete' }],
    [
      '200 an HTML page (wifi sign-in)',
      json(200, undefined, 'text/html'),
      { class: 'retry', reason: 'notCareOpinion' },
    ],
    ['422 desk-key-changed', json(422, { error: 'desk-key-changed' }), { class: 'desk-key-changed' }],
    [
      '422 key-reused',
      json(422, { error: 'key-reused' }),
      { class: 'needs-attention', errors: [], reason: 'deskRefused' },
    ],
    ['404 no-desk', json(404, { error: 'no-desk' }), { class: 'retry', reason: 'noDesk' }],
    [
      '413',
      json(413, { error: 'too-large' }),
      { class: 'needs-attention', errors: [], reason: 'deskTooLarge' },
    ],
    [
      '401 device-revoked',
      json(401, { error: 'device-revoked' }),
      { class: 'key-rejected', reason: 'deviceRevoked' },
    ],
    ['503', json(503, { error: 'busy' }), { class: 'retry', reason: 'busy' }],
    ['no answer', { kind: 'network-error' } as Answer, { class: 'retry', reason: 'unreachable' }],
    ['a timeout', { kind: 'timeout' } as Answer, { class: 'retry', reason: 'timeout' }],
  ])('%s', (_name, answer, verdict) => {
    expect(classifyDeskAnswer(answer)).toEqual(verdict);
  });

  it('429 keeps its Retry-After', () => {
    expect(classifyDeskAnswer({ ...json(429, { error: 'rate' }), retryAfter: '7' })).toEqual({
      class: 'retry',
      reason: 'busy',
      retryAfterMs: 7_000,
    });
  });
});

describe('GET /desk/stories/status and DELETE /desk/stories/:key', () => {
  it('reads each story’s state; a posted one without its number is still waiting; anything else is asked again', () => {
    expect(
      readDeskStatus(
        json(200, [
          { key: 'a', state: 'posted', storyNumber: '1234567' },
          { key: 'b', state: 'waiting' },
          { key: 'c', state: 'unknown' },
          { key: 'd', state: 'posted' },
        ]),
      ),
    ).toEqual([
      { key: 'a', state: 'posted', storyNumber: '1234567' },
      { key: 'b', state: 'waiting' },
      { key: 'c', state: 'unknown' },
      { key: 'd', state: 'waiting' },
    ]);
    expect(readDeskStatus(json(400, { error: 'too-many-keys' }))).toBeNull();
    expect(readDeskStatus(json(200, [{ key: 'a', state: 'lost' }]))).toBeNull();
    expect(readDeskStatus({ kind: 'network-error' })).toBeNull();
  });

  it('a DELETE: gone (204, or a key the desk does not know), posted first (409), or asked again', () => {
    expect(classifyDeskDelete(json(204))).toBe('gone');
    expect(classifyDeskDelete(json(404, { error: 'unknown-story' }))).toBe('gone');
    expect(classifyDeskDelete(json(409, { error: 'already-posted' }))).toBe('posted');
    expect(classifyDeskDelete(json(404, { error: 'not-found' }))).toBe('again');
    expect(classifyDeskDelete(json(503))).toBe('again');
    expect(classifyDeskDelete({ kind: 'timeout' })).toBe('again');
  });
});

describe('deskOffered', () => {
  const key = { kid: 'k', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } };
  it('only through a relay whose desk key the iPad holds', () => {
    expect(deskOffered({ relayToken: 'tok', relayDeskKey: key })).toBe(true);
    expect(deskOffered({ relayToken: 'tok', relayDeskKey: 'none' })).toBe(false);
    expect(deskOffered({ relayToken: 'tok', relayDeskKey: null })).toBe(false);
    expect(deskOffered({ relayToken: '', relayDeskKey: key })).toBe(false);
  });
});
