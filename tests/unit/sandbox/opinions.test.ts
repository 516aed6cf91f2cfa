// POST /opinions against the contract in API.md: 201 and the receipt, idempotent replays, a key
// reused with another body, and the 400 / 413 / 415 / 422 refusals.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxServer } from '../../sandbox/server.ts';
import { getControl, postStory, type Received, startTestSandbox, validStory } from './helpers.ts';

let server: SandboxServer;

beforeEach(async () => {
  server = await startTestSandbox();
});

afterEach(async () => {
  await server.close();
});

/** The same story with every object's keys in reverse order. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reorder(v)]),
    );
  }
  return value;
}

async function expectFieldError(res: Response, field: string): Promise<void> {
  expect(res.status).toBe(422);
  const answer = (await res.json()) as { errors: { field: string; message: string }[] };
  expect(answer.errors.map((e) => e.field)).toContain(field);
  for (const error of answer.errors) expect(error.message).toEqual(expect.any(String));
}

describe('POST /opinions', () => {
  it('stores a valid story and answers 201 with id, status and links', async () => {
    const key = randomUUID();
    const res = await postStory(server, validStory(), { key });
    expect(res.status).toBe(201);
    const receipt = await res.json();
    expect(receipt).toEqual({ id: expect.any(String), status: 'received', links: expect.any(Array) });
    const received = await getControl<Received[]>(server, '/received');
    expect(received).toEqual([
      {
        id: receipt.id,
        idempotencyKey: key,
        title: validStory().title,
        receivedAt: expect.any(String),
        body: validStory(),
      },
    ]);
  });

  it('replays the first answer with 200 for the same key and a deep-equal body in another key order', async () => {
    const key = randomUUID();
    const first = await (await postStory(server, validStory(), { key })).json();
    const again = await postStory(server, reorder(validStory()), { key });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(await getControl<Received[]>(server, '/received')).toHaveLength(1);
    expect(await getControl<{ duplicatesPrevented: number }>(server, '/stats')).toMatchObject({
      duplicatesPrevented: 1,
    });
  });

  it('refuses a key reused with a different body (422 on Idempotency-Key)', async () => {
    const key = randomUUID();
    expect((await postStory(server, validStory(), { key })).status).toBe(201);
    const changed = await postStory(server, { ...validStory(), title: 'Another story' }, { key });
    await expectFieldError(changed, 'Idempotency-Key');
    expect(await getControl<Received[]>(server, '/received')).toHaveLength(1);
  });

  it.each([
    ['missing', undefined],
    ['not a UUID', 'story-1'],
  ])('answers 400 when the Idempotency-Key is %s', async (_, key) => {
    const headers: Record<string, string> = key === undefined ? {} : { 'Idempotency-Key': key };
    const res = await fetch(`${server.url}/opinions`, {
      method: 'POST',
      headers: { Authorization: 'SUBSCRIPTION_KEY test-key', 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(validStory()),
    });
    expect(res.status).toBe(400);
    expect(await getControl<Received[]>(server, '/received')).toEqual([]);
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    expect((await postStory(server, '{"title": ')).status).toBe(400);
    const text = await postStory(server, 'hello', { headers: { 'Content-Type': 'text/plain' } });
    expect(text.status).toBe(415);
  });

  it('answers 413 above 1 MiB and stores nothing', async () => {
    const story = { ...validStory(), body: 'x'.repeat(1024 * 1024 + 10) };
    const res = await postStory(server, story);
    expect(res.status).toBe(413);
    expect(await getControl<Received[]>(server, '/received')).toEqual([]);
    expect((await postStory(server, { ...validStory(), body: 'y'.repeat(900_000) })).status).toBe(201);
  });

  it('rejects a username containing reject-me with 422 on author.username, and it is never replayed', async () => {
    const key = randomUUID();
    const story = validStory();
    story.author.username = 'please-Reject-Me-now';
    await expectFieldError(await postStory(server, story, { key }), 'author.username');
    expect((await postStory(server, validStory(), { key })).status).toBe(201);
  });

  it('rejects a story without consent to publish (422 on consent.publish)', async () => {
    const story = { ...validStory(), consent: { ...validStory().consent, publish: false } };
    await expectFieldError(await postStory(server, story), 'consent.publish');
  });

  it('requires email to be null exactly when the story is posted on behalf', async () => {
    const onBehalf = validStory();
    onBehalf.postedOnBehalf = true;
    await expectFieldError(await postStory(server, onBehalf), 'author.email');
    const noEmail = { ...validStory(), author: { ...validStory().author, email: null } };
    await expectFieldError(await postStory(server, noEmail), 'author.email');
    const proper = {
      ...noEmail,
      postedOnBehalf: true,
      author: { ...noEmail.author, role: 'staff-on-behalf' },
    };
    expect((await postStory(server, proper)).status).toBe(201);
  });

  it('names dotted paths for nested problems and unknown fields', async () => {
    const story = {
      ...validStory(),
      healthservices: [{ nacs: 'RX1', name: '' }],
      author: { ...validStory().author, postcode: 'not a postcode', role: 'visitor' },
      surprise: true,
    };
    const res = await postStory(server, story);
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { field: string }[] };
    expect(errors.map((e) => e.field).sort()).toEqual(
      ['author.postcode', 'author.role', 'healthservices.0.name', 'surprise'].sort(),
    );
  });

  it('accepts a service typed by hand (a name and no nacs) and leaves out the optional fields', async () => {
    const { whatWasGood: _, ...story } = {
      ...validStory(),
      healthservices: [{ name: 'The walk-in centre' }],
    };
    expect((await postStory(server, story)).status).toBe(201);
    await expectFieldError(await postStory(server, { ...story, healthservices: [] }), 'healthservices');
  });
});
