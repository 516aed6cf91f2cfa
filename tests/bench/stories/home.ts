// Home's list with every story on the device: cold loads (navigation → PIN → all rows), and the
// list after one story changes (back to Home after an edit; a draft withdrawn on Home).
import type { Page } from 'playwright-core';
import { call } from './bundle.ts';
import { passLock } from './session.ts';
import type { ListChange, ListLoad } from './watchProbe.ts';

const LIMIT_MS = 120_000;

async function until<T>(read: () => Promise<T>, ready: (value: T) => boolean, what: string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() - start > LIMIT_MS)
      throw new Error(`${what}: not within ${LIMIT_MS / 1000} s (${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Navigates to Home `times` times; the page probe times each load from navigation start. */
export async function coldLoads(page: Page, url: string, times: number): Promise<ListLoad[]> {
  const loads: ListLoad[] = [];
  for (let i = 0; i < times; i++) {
    await page.goto(url);
    await passLock(page);
    loads.push(
      await until(
        () => call(page, 'listLoad'),
        (l) => l.completeAt !== null,
        'Home list',
      ),
    );
  }
  return loads;
}

async function clickAndWait(page: Page, click: () => Promise<void>, rows: number, title: string | null) {
  await call(page, 'armChange', rows, title);
  await click();
  return until(
    () => call(page, 'listChange'),
    (c) => c.doneAt !== null,
    'list change',
  );
}

/** From the open story (its title just typed) back to Home, until its row shows the new title. */
export function backHome(page: Page, rows: number, title: string): Promise<ListChange> {
  return clickAndWait(page, () => page.getByRole('link', { name: 'Home' }).click(), rows, title);
}

/** Deletes the newest story (a draft never sent: "Delete", not "Withdraw") until the list is one shorter. */
export async function withdrawNewest(page: Page, rowsAfter: number): Promise<ListChange> {
  const row = page.locator('ul.story-list > li').first();
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = row.getByRole('button', { name: 'Delete story' });
  await confirm.waitFor();
  return clickAndWait(page, () => confirm.click(), rowsAfter, null);
}
