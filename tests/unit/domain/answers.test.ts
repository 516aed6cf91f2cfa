// API.md's answer table, row by row, for sending and for the directory download; and where a
// refused field is fixed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Answer,
  classifyAnswer,
  classifyReadAnswer,
  REASONS,
} from '../../../src/domain/send/answers.ts';
import { placeField } from '../../../src/domain/send/fieldErrors.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const response = (status: number, more: Partial<Extract<Answer, { kind: 'response' }>> = {}): Answer => ({
  kind: 'response',
  status,
  contentType: JSON_TYPE,
  ...more,
});
const receipt = { id: 'op-123', status: 'received', links: [] };

describe('classifyAnswer (POST /opinions)', () => {
  it.each([201, 200])('%i with a JSON id: sent, keeping the id', (status) => {
    expect(classifyAnswer(response(status, { json: receipt }), NOW)).toEqual({ class: 'sent', id: 'op-123' });
  });

  it('200 that is an HTML page (a wifi sign-in page; a refused key is a redirect): tried again, same key', () => {
    const answer = response(200, { contentType: HTML_TYPE, json: undefined });
    expect(classifyAnswer(answer, NOW)).toEqual({ class: 'retry', reason: REASONS.notCareOpinion });
  });

  it.each([
    ['a 201 whose body was cut off', response(201, { json: undefined, bodyCutOff: true })],
    ['a 200 that timed out mid-body', response(200, { bodyCutOff: true })],
    ['a 201 cut off even if part parsed', response(201, { json: receipt, bodyCutOff: true })],
    ['a 201 that is not JSON at all', response(201, { contentType: 'text/plain' })],
    ['a 201 JSON type with no body', response(201, { json: undefined })],
  ])('%s: probably stored, tried again with the same key — never "key not accepted"', (_name, answer) => {
    expect(classifyAnswer(answer, NOW)).toEqual({ class: 'retry', reason: REASONS.incomplete });
  });

  it('201 JSON without an id: tried again with the same key (it may be stored; never duplicated)', () => {
    expect(classifyAnswer(response(201, { json: { status: 'received' } }), NOW)).toEqual({
      class: 'retry',
      reason: REASONS.incomplete,
    });
  });

  it.each([
    ['302 redirect', response(302, { contentType: HTML_TYPE })],
    ['301 redirect without a type', response(301, { contentType: undefined })],
    ['a browser opaqueredirect (status 0)', response(0, { type: 'opaqueredirect', contentType: undefined })],
    ['401', response(401)],
    ['403', response(403)],
    ['400 as HTML', response(400, { contentType: HTML_TYPE })],
  ])('%s: key not accepted', (_, answer) => {
    expect(classifyAnswer(answer, NOW)).toEqual({ class: 'key-rejected', reason: REASONS.keyRejected });
  });

  it('404 or 405: the API address (or key) is wrong; the queue pauses for Settings', () => {
    expect(classifyAnswer(response(404), NOW)).toEqual({
      class: 'key-rejected',
      reason: REASONS.addressRejected,
    });
    expect(classifyAnswer(response(405), NOW).class).toBe('key-rejected');
  });

  it('409: still being processed, retried later', () => {
    expect(classifyAnswer(response(409), NOW)).toEqual({ class: 'retry', reason: REASONS.inProgress });
  });

  it('422 with field errors: needs attention, showing each field', () => {
    const json = { errors: [{ field: 'author.postcode', message: 'Enter a real postcode' }, { nope: 1 }] };
    expect(classifyAnswer(response(422, { json }), NOW)).toEqual({
      class: 'needs-attention',
      reason: REASONS.fields,
      errors: [{ field: 'author.postcode', message: 'Enter a real postcode' }],
    });
  });

  it('422 without field errors (a reused key with another body): needs attention, never retried', () => {
    expect(classifyAnswer(response(422, { json: { error: 'key reused' } }), NOW)).toEqual({
      class: 'needs-attention',
      reason: REASONS.refused,
      errors: [],
    });
  });

  it('422 field error without a message gets plain words', () => {
    const verdict = classifyAnswer(response(422, { json: { errors: [{ field: 'title' }] } }), NOW);
    expect(verdict).toMatchObject({ errors: [{ field: 'title', message: '' }] });
  });

  it.each([
    [400, REASONS.cannotRead],
    [413, REASONS.tooLarge],
    [410, REASONS.refused],
  ])('%i: needs attention', (status, reason) => {
    expect(classifyAnswer(response(status), NOW)).toEqual({ class: 'needs-attention', errors: [], reason });
  });

  it('429 with Retry-After in seconds: wait at least that long', () => {
    expect(classifyAnswer(response(429, { retryAfter: '7' }), NOW)).toEqual({
      class: 'retry',
      reason: REASONS.busy,
      retryAfterMs: 7000,
    });
  });

  it('429 with Retry-After as an HTTP date: wait until then', () => {
    const retryAfter = new Date(NOW + 90_000).toUTCString();
    expect(classifyAnswer(response(429, { retryAfter }), NOW)).toMatchObject({
      class: 'retry',
      retryAfterMs: 90_000,
    });
  });

  it('429 without a readable Retry-After: plain backoff', () => {
    for (const retryAfter of [null, undefined, '', 'soon', '-5', '1e3']) {
      expect(classifyAnswer(response(429, { retryAfter }), NOW)).toEqual({
        class: 'retry',
        reason: REASONS.busy,
      });
    }
  });

  it('503 may carry Retry-After; any 5xx, even as an HTML error page, is a passing fault', () => {
    expect(classifyAnswer(response(503, { retryAfter: '30' }), NOW)).toMatchObject({
      class: 'retry',
      retryAfterMs: 30_000,
    });
    expect(classifyAnswer(response(500), NOW)).toEqual({ class: 'retry', reason: REASONS.serverProblem });
    expect(classifyAnswer(response(502, { contentType: HTML_TYPE }), NOW).class).toBe('retry');
  });

  it('network error, timeout and a status 0 that is not a redirect: retry', () => {
    expect(classifyAnswer({ kind: 'network-error' }, NOW)).toEqual({
      class: 'retry',
      reason: REASONS.unreachable,
    });
    expect(classifyAnswer({ kind: 'timeout' }, NOW)).toEqual({ class: 'retry', reason: REASONS.timeout });
    expect(classifyAnswer(response(0, { type: 'error', contentType: undefined }), NOW).class).toBe('retry');
  });

  it('never throws, and always gives one of the four classes', () => {
    const answer = fc.record(
      {
        kind: fc.constant('response' as const),
        status: fc.oneof(fc.integer({ min: -1, max: 700 }), fc.double()),
        type: fc.constantFrom('basic', 'cors', 'default', 'error', 'opaque', 'opaqueredirect' as const),
        contentType: fc.string(),
        retryAfter: fc.option(fc.string()),
        json: fc.anything(),
      },
      { requiredKeys: ['kind', 'status'] },
    );
    fc.assert(
      fc.property(answer, fc.oneof(fc.integer(), fc.constant(undefined)), (a, now) => {
        expect(['sent', 'retry', 'needs-attention', 'key-rejected']).toContain(classifyAnswer(a, now).class);
        expect(['data', 'retry', 'key-rejected']).toContain(classifyReadAnswer(a, now).class);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the relay’s refusals (relay/README.md)', () => {
  it.each([
    ['a revoked iPad', response(401, { json: { error: 'device-revoked' } }), REASONS.deviceRevoked],
    ['an unknown iPad', response(401, { json: { error: 'device-unknown' } }), REASONS.deviceRevoked],
    [
      'the relay’s own key refused upstream',
      response(502, { json: { error: 'upstream-key-refused' } }),
      REASONS.relayKeyRefused,
    ],
  ])('%s holds the queue with its own words', (_name, answer, reason) => {
    expect(classifyAnswer(answer, NOW)).toEqual({ class: 'key-rejected', reason });
  });

  it('any other 502 is a passing fault, and a 401 without the relay’s word is a refused key', () => {
    expect(classifyAnswer(response(502, { json: { error: 'busy' } }), NOW).class).toBe('retry');
    expect(classifyAnswer(response(401), NOW)).toEqual({
      class: 'key-rejected',
      reason: REASONS.keyRejected,
    });
  });
});

describe('classifyReadAnswer (directory pages)', () => {
  it('a JSON array is data', () => {
    expect(classifyReadAnswer(response(200, { json: [{ nacs: 'A' }] }), NOW)).toEqual({
      class: 'data',
      items: [{ nacs: 'A' }],
    });
  });

  it.each([
    ['a 302', response(302)],
    ['an HTML 200', response(200, { contentType: HTML_TYPE, json: undefined })],
    ['a 401', response(401)],
    ['a 403', response(403)],
    ['an opaqueredirect', response(0, { type: 'opaqueredirect' })],
  ])('%s means the key was not accepted', (_, answer) => {
    expect(classifyReadAnswer(answer, NOW).class).toBe('key-rejected');
  });

  it('429 waits for Retry-After; 5xx, network and timeout retry', () => {
    expect(classifyReadAnswer(response(429, { retryAfter: '2' }), NOW)).toMatchObject({
      class: 'retry',
      retryAfterMs: 2000,
    });
    expect(classifyReadAnswer(response(500), NOW).class).toBe('retry');
    expect(classifyReadAnswer({ kind: 'network-error' }).class).toBe('retry');
    expect(classifyReadAnswer({ kind: 'timeout' }).class).toBe('retry');
  });

  it('JSON that is not a list, or another 4xx, is retried (the caller gives up after a few)', () => {
    expect(classifyReadAnswer(response(200, { json: { items: [] } }), NOW)).toEqual({
      class: 'retry',
      reason: REASONS.notAList,
    });
    expect(classifyReadAnswer(response(400), NOW)).toEqual({ class: 'retry', reason: REASONS.readRefused });
  });
});

describe('placeField', () => {
  it.each([
    ['author.postcode', 3, 'Postcode'],
    ['author.username', 3, 'Username'],
    ['author.email', 3, 'Email address'],
    ['healthservices', 2, 'Services'],
    ['healthservices[0].nacs', 2, 'Services'],
    ['healthservices.1.name', 2, 'Services'],
    ['title', 1, 'What would you call this story'],
    ['body', 1, 'What happened'],
    ['consent.publish', 4, 'Consent to publish'], // consent is on the last step, with the read-back
    ['/author/postcode', 3, 'Postcode'],
    ['author.somethingNew', 3, 'About the storyteller'],
    ['collectedAt', 4, 'The story as a whole'],
    ['constructor', 4, 'The story as a whole'],
    ['', 4, 'The story as a whole'],
  ])('%j → step %i, %j', (field, step, label) => {
    const place = placeField(field);
    expect({ step: place.step, label: enGB.story.fields[place.label] }).toEqual({ step, label });
  });
});
