// The desk's calls to /admin/api with the token the admin page signed in with (this tab's
// sessionStorage). Only the story address is ever sent back about a story.
import type { NewDeskKey } from '../../../src/domain/desk/index.ts';
import type { DeskApi, PostProblem, Receipt, StoredDeskKey, Waiting } from './deskSession.ts';

export const TOKEN = 'relay-admin-token';

/** The relay refused the token: the admin page signs out. */
export class SignedOut extends Error {}
/** Any other unexpected answer, worded for the lead. */
export class RelayProblem extends Error {
  constructor(readonly status: number) {
    super(`relay answered ${status}`);
  }
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`/admin/api${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${sessionStorage.getItem(TOKEN)}`,
      'Content-Type': 'application/json',
    },
  });
  if (res.status === 401) throw new SignedOut();
  return res;
}

export const deskApi: DeskApi & {
  setKey(key: NewDeskKey, replace: boolean): Promise<{ kid: string; waitingOnOldKey: number } | 'exists'>;
} = {
  async key() {
    const res = await call('/desk/key');
    if (res.status === 404) return null;
    if (!res.ok) throw new RelayProblem(res.status);
    return (await res.json()) as StoredDeskKey;
  },
  async waiting() {
    const res = await call('/desk/stories');
    if (!res.ok) throw new RelayProblem(res.status);
    return (await res.json()) as Waiting[];
  },
  async posted(id, storyAddress) {
    const res = await call(`/desk/stories/${encodeURIComponent(id)}/posted`, {
      method: 'POST',
      body: JSON.stringify({ storyAddress }),
    });
    if (res.ok) return { ok: true, receipt: (await res.json()) as Receipt };
    if (res.status === 422 || res.status === 404 || res.status === 409) {
      const answer = (await res.json()) as { error?: string; problem?: string };
      const problem = answer.error === 'story-address-refused' ? answer.problem : answer.error;
      if (problem) return { ok: false, problem: problem as PostProblem };
    }
    throw new RelayProblem(res.status);
  },
  async setKey(key, replace) {
    const res = await call(`/desk/key${replace ? '?replace=confirmed' : ''}`, {
      method: 'POST',
      body: JSON.stringify(key),
    });
    if (res.status === 409) return 'exists';
    if (!res.ok) throw new RelayProblem(res.status);
    return (await res.json()) as { kid: string; waitingOnOldKey: number };
  },
};
