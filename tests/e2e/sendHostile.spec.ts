// The send queue where the field is hostile: an answer cut off mid-body after the story was stored,
// a device offline with stories waiting (the page must sleep, not spin), and a damaged payload.
import { expect, expectSent, prepareOffline, received, setFaults, tell, test } from './sendFixtures.ts';
import { fillStory, next, startStory } from './storyJourney.ts';

test('a 201 whose body is cut off ends Sent, stored once, with no key banner', async ({
  page,
  context,
  app,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await prepareOffline(page, context, app.url);
  await tell(page, 'Cut off answer', 'Waiting to send');
  await page.goto(app.url);
  await expect(page.getByText('1 waiting to send')).toBeVisible(); // unlocked: sending may start
  // Seed 7: the first answer is cut off after the story was stored, the second arrives whole.
  await setFaults(sandbox, { cutOffAnswer: 0.5, seed: 7 });
  // Any "key not accepted" would show as an alert: count every one that ever appears.
  await page.evaluate(() => {
    const seen = { keyAlerts: 0 };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll('[role="alert"]'))
        if (/key/i.test(alert.textContent ?? '')) seen.keyAlerts++;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await context.setOffline(false);
  // Stored, the answer cut off, tried again with the same key by itself: Care Opinion's id comes back.
  await expectSent(page, 'Cut off answer');
  const got = await received(sandbox);
  expect(got.map((r) => r.title)).toEqual(['Cut off answer']);
  const stats = (await (await fetch(`${sandbox.origin}/__sandbox/stats`)).json()) as { dropped: number };
  expect(stats.dropped, 'the first answer was cut off').toBe(1);
  expect(
    await page.evaluate(() => (window as unknown as { __seen: { keyAlerts: number } }).__seen.keyAlerts),
  ).toBe(0);
});

test('offline with stories waiting, the page sleeps: no pass, no lock, no timer into the past', async ({
  page,
  context,
  app,
}) => {
  test.setTimeout(120_000);
  // Count every send-queue pass (each takes the Web Lock) from the first script on.
  await context.addInitScript(() => {
    const counts = { locks: 0 };
    (window as unknown as { __queueLocks: typeof counts }).__queueLocks = counts;
    const request = navigator.locks.request.bind(navigator.locks) as (...args: unknown[]) => Promise<unknown>;
    (navigator.locks as unknown as { request: typeof request }).request = (...args) => {
      if (args[0] === 'story-collector-send-queue') counts.locks++;
      return request(...args);
    };
  });
  // Every timer of the app runs on a clock the test can stop and move (it flows normally till then).
  await context.clock.install();
  await prepareOffline(page, context, app.url);
  await tell(page, 'Waiting one', 'Waiting to send');
  await tell(page, 'Waiting two', 'Waiting to send');
  await page.goto(app.url);
  await expect(page.getByText('2 waiting to send')).toBeVisible();
  // An hour offline, every timer that falls due fired.
  await page.clock.pauseAt(new Date(Date.now() + 60_000));
  const before = await page.evaluate(
    () => (window as unknown as { __queueLocks: { locks: number } }).__queueLocks.locks,
  );
  await page.clock.runFor(60 * 60 * 1000);
  const after = await page.evaluate(
    () => (window as unknown as { __queueLocks: { locks: number } }).__queueLocks.locks,
  );
  expect(after - before, 'send-queue passes during an hour offline').toBe(0);
  await expect(page.getByText('2 waiting to send')).toBeVisible();
});

test('a story whose sealed text is damaged is shown as such, never opened as an empty draft or overwritten', async ({
  page,
  app,
}) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, {
    title: 'Damaged later',
    body: 'Words that must not be lost.',
    good: 'x',
    different: 'y',
  });
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Damaged later' })).toBeVisible();
  // One flipped byte in the stored ciphertext (a bad disk sector, a damaged backup).
  const before = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('story-collector');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('stories', 'readwrite').objectStore('stories');
    const rows = await new Promise<{ payload: { data: ArrayBuffer } }[]>((resolve) => {
      const all = store.getAll();
      all.onsuccess = () => resolve(all.result);
    });
    const row = rows[0] as { payload: { data: ArrayBuffer } };
    const bytes = new Uint8Array(row.payload.data.slice(0));
    bytes[5] = (bytes[5] ?? 0) ^ 0xff;
    row.payload.data = bytes.buffer;
    store.put(row);
    await new Promise((resolve) => {
      store.transaction.oncomplete = resolve;
    });
    db.close();
    return Array.from(bytes);
  });
  await page.reload();
  // Home lists it from its own row; opening it finds the story itself damaged.
  const row = page.getByRole('listitem').filter({ hasText: 'Damaged later' });
  await row.getByRole('link').first().click();
  await expect(page.getByRole('alert')).toContainText("can't be opened on this device");
  await expect(page.getByLabel('What would you call this story')).toHaveCount(0);
  const after = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('story-collector');
      open.onsuccess = () => resolve(open.result);
    });
    const rows = await new Promise<{ payload: { data: ArrayBuffer } }[]>((resolve) => {
      const all = db.transaction('stories').objectStore('stories').getAll();
      all.onsuccess = () => resolve(all.result);
    });
    db.close();
    return Array.from(new Uint8Array((rows[0] as { payload: { data: ArrayBuffer } }).payload.data));
  });
  expect(after, 'the ciphertext is byte for byte as it was').toEqual(before);
});
