// POST /api/v2/opinions, the story submission contract (API.md): validate, claim the idempotency
// key, apply the drawn fault, store, answer 201 — or replay, refuse a reused key, or report 409.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerFault, isGone } from './faultAnswer.ts';
import type { FaultDraw } from './faults.ts';
import { isJsonContent, readBody, sendError, sendFieldErrors, sendJson } from './http.ts';
import { fingerprintOf, type Receipt } from './idempotency.ts';
import { checkOpinion, type Opinion } from './opinionSchema.ts';
import { type SandboxState, wait } from './state.ts';
import { receiptFor } from './storage.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Accepted = { key: string; opinion: Opinion; fingerprint: string };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false }; // the parser's message quotes the body: never echo or log it
  }
}

/** Everything before the key is claimed; answers here are never stored, so never replayed. */
async function accept(req: IncomingMessage, res: ServerResponse): Promise<Accepted | undefined> {
  if (!isJsonContent(req)) return void sendError(res, 415, 'Send the story as application/json');
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !UUID.test(key)) {
    return void sendError(res, 400, 'An Idempotency-Key header holding a UUID is required');
  }
  const read = await readBody(req);
  if (!read.ok) {
    if (read.reason === 'too-large') sendError(res, 413, 'The story is over 1 MiB', { Connection: 'close' });
    return undefined;
  }
  const json = parseJson(read.text);
  if (!json.ok) return void sendError(res, 400, 'The body is not valid JSON');
  const checked = checkOpinion(json.value);
  if (!checked.ok) return void sendFieldErrors(res, checked.errors);
  return { key, opinion: checked.opinion, fingerprint: fingerprintOf(json.value) };
}

/** Answers from the idempotency record; false when the key is free to process. */
function answerFromRecord(state: SandboxState, story: Accepted, res: ServerResponse): boolean {
  const found = state.idempotency.check(story.key, story.fingerprint);
  if (found.kind === 'new') return false;
  if (found.kind === 'in-progress') {
    state.stats.conflicts++;
    sendError(res, 409, 'A request with this Idempotency-Key is still being processed');
  } else if (found.kind === 'replay') {
    state.stats.duplicatesPrevented++;
    sendJson(res, 200, found.receipt);
  } else {
    const message = 'This Idempotency-Key was reused with a different body';
    sendFieldErrors(res, [{ field: 'Idempotency-Key', message }]);
  }
  return true;
}

function store(state: SandboxState, story: Accepted): Receipt {
  const id = randomUUID();
  const receivedAt = new Date(state.now()).toISOString();
  const stored = {
    id,
    idempotencyKey: story.key,
    title: story.opinion.title,
    receivedAt,
    body: story.opinion,
  };
  state.stories.add(stored, story.fingerprint);
  const receipt = receiptFor(id);
  state.idempotency.complete({
    key: story.key,
    fingerprint: story.fingerprint,
    receipt,
    storedAt: state.now(),
  });
  state.stats.stored++;
  return receipt;
}

export async function postOpinion(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  draw: FaultDraw,
): Promise<void> {
  const story = await accept(req, res);
  if (!story || answerFromRecord(state, story, res)) return;
  state.idempotency.begin(story.key);
  let stored = false;
  // A client that leaves before the story is stored frees the key for its retry.
  res.on('close', () => {
    if (!stored) state.idempotency.release(story.key);
  });
  await state.hold.pass(story.key, res);
  await wait(state, draw.latencyMs);
  if (isGone(res) || answerFault(state, draw, res)) {
    if (draw.kind !== 'hang') state.idempotency.release(story.key);
    return;
  }
  const receipt = store(state, story);
  stored = true;
  if (draw.kind === 'commitThenDrop') {
    state.stats.dropped++;
    res.socket?.destroy();
    return;
  }
  if (draw.kind === 'cutOffAnswer') {
    // The status and half the body arrive, then the connection dies: the client sees a 201 whose
    // body cannot be read (API.md: "probably stored", retried with the same key).
    state.stats.dropped++;
    const text = JSON.stringify(receipt);
    res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
    return;
  }
  if (draw.kind === 'emptyAnswer') {
    // Stored, then a 201 with no body and no JSON type (a proxy that drops bodies): "may be stored".
    state.stats.dropped++;
    res.writeHead(201, { 'Content-Length': '0' });
    res.end();
    return;
  }
  sendJson(res, 201, receipt);
}
