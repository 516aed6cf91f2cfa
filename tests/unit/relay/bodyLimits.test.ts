// Body limits over HTTP against a running relay (issue 22, row 4): 4 KiB on /api/v2/devices and
// /admin/api, 1 MiB on /api/v2/opinions, answered 413 before the body is read. The client sends in
// 64 KiB pieces and stops as soon as an answer arrives, so the test sees how much the relay took
// before it answered: a 40 MiB body declared by Content-Length is refused at once, a chunked one
// is cut at the limit — the relay never holds the 40 MiB.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT, STORY_BODY_LIMIT } from '../../../relay/app.ts';
import { sqliteUrl } from './databases.ts';
import {
  ADMIN,
  enrol,
  newCode,
  postStory,
  startTestRelay,
  startWorld,
  validStory,
  type World,
} from './harness.ts';

const PIECE = 64 * 1024;
const FORTY_MIB = 40 * 1024 * 1024;

type Sent = { status: number; body: string; sent: number; cors: string | undefined };

/** Posts `total` bytes in pieces, declared by Content-Length or chunked, until the relay answers. */
function pour(
  url: string,
  total: number,
  headers: Record<string, string> = {},
  chunked = false,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const length: Record<string, string> = chunked ? {} : { 'Content-Length': String(total) };
    const req = request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...length, ...headers },
    });
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        const cors = res.headers['access-control-allow-origin'];
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString(), sent, cors });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const piece = Buffer.alloc(PIECE, 'x');
    const next = () => {
      if (answered || req.destroyed) return;
      if (sent >= total) return void req.end();
      const size = Math.min(PIECE, total - sent);
      sent += size;
      req.write(size === PIECE ? piece : piece.subarray(0, size), () => setImmediate(next));
    };
    req.flushHeaders();
    next();
  });
}

/** A JSON body of exactly `bytes` bytes: an enrolment request padded with a field the schema drops. */
function enrolmentOf(bytes: number, code: string): string {
  const bare = JSON.stringify({ code, name: 'Ward 3 iPad', pad: '' });
  return JSON.stringify({ code, name: 'Ward 3 iPad', pad: 'x'.repeat(bytes - bare.length) });
}

describe('body limits on a running relay', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld(sqliteUrl());
  });
  afterAll(async () => {
    await world.close();
  });

  it('answers a 40 MiB body declared by Content-Length to /api/v2/devices with 413 before it is sent', async () => {
    const answer = await pour(`${world.relay.url}/api/v2/devices`, FORTY_MIB);
    expect([answer.status, JSON.parse(answer.body)]).toEqual([
      413,
      { error: 'body-too-large', limit: BODY_LIMIT },
    ]);
    expect(answer.sent).toBeLessThan(FORTY_MIB / 8); // answered on the headers: the rest was never sent
  });

  it('cuts a chunked 40 MiB body to /api/v2/devices at the limit, with 413', async () => {
    const answer = await pour(`${world.relay.url}/api/v2/devices`, FORTY_MIB, {}, true);
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(FORTY_MIB / 8);
  });

  it('still enrols with a body of exactly 4 KiB, and refuses one byte more', async () => {
    const code = await newCode(world.relay);
    const post = (body: string) =>
      fetch(`${world.relay.url}/api/v2/devices`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
    const over = await post(enrolmentOf(BODY_LIMIT + 1, code));
    expect([over.status, await over.json()]).toEqual([413, { error: 'body-too-large', limit: BODY_LIMIT }]);
    const within = enrolmentOf(BODY_LIMIT, code);
    expect(Buffer.byteLength(within)).toBe(BODY_LIMIT);
    expect((await post(within)).status).toBe(201);
  });

  it('limits the admin API to 4 KiB, the right token or not', async () => {
    const answer = await pour(`${world.relay.url}/admin/api/enrolments`, FORTY_MIB, {
      Authorization: `Bearer ${ADMIN}`,
    });
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(FORTY_MIB / 8);
    const chunked = await pour(`${world.relay.url}/admin/api/enrolments`, BODY_LIMIT + 1, {}, true);
    expect(chunked.status).toBe(413);
  });

  it('lets a story up to 1 MiB through and answers a bigger one 413 with CORS', async () => {
    const { token } = await enrol(world.relay);
    const story = validStory();
    expect((await postStory(world.relay, token, story)).status).toBe(201);
    const big = await pour(`${world.relay.url}/api/v2/opinions`, STORY_BODY_LIMIT + 1, {
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': crypto.randomUUID(),
      Origin: 'https://app.example',
    });
    expect([big.status, JSON.parse(big.body)]).toEqual([
      413,
      { error: 'body-too-large', limit: STORY_BODY_LIMIT },
    ]);
    expect(big.cors).toBe('*');
    const chunked = await pour(
      `${world.relay.url}/api/v2/opinions`,
      FORTY_MIB,
      { Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
      true,
    );
    expect(chunked.status).toBe(413);
    expect(chunked.sent).toBeLessThan(FORTY_MIB / 8);
  });

  it('limits the admin API on its own listener (RELAY_ADMIN_PORT) and a route not in the table to 4 KiB', async () => {
    const relay = await startTestRelay(world.sandbox.url, sqliteUrl(), { adminPort: 0 });
    try {
      expect(relay.adminUrl).not.toBe(relay.url);
      const answer = await pour(`${relay.adminUrl}/admin/api/enrolments`, FORTY_MIB, {
        Authorization: `Bearer ${ADMIN}`,
      });
      expect([answer.status, JSON.parse(answer.body)]).toEqual([
        413,
        { error: 'body-too-large', limit: BODY_LIMIT },
      ]);
      expect(answer.sent).toBeLessThan(FORTY_MIB / 8);
      const chunked = await pour(`${relay.adminUrl}/admin/api/enrolments`, BODY_LIMIT + 1, {}, true);
      expect(chunked.status).toBe(413);
      const elsewhere = await pour(`${relay.url}/api/v2/relay`, FORTY_MIB, {}, true);
      expect([elsewhere.status, JSON.parse(elsewhere.body)]).toEqual([
        413,
        { error: 'body-too-large', limit: BODY_LIMIT },
      ]);
      expect(elsewhere.sent).toBeLessThan(FORTY_MIB / 8);
    } finally {
      await relay.close();
    }
  });
});
