// Reads everything the origin keeps in the browser — every IndexedDB database, localStorage,
// sessionStorage and Cache Storage — as text, so a test can look for personal data in the clear.
import type { Page } from '@playwright/test';

export async function scanBrowserStorage(
  page: Page,
): Promise<{ text: string; databases: string[]; records: number }> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    let records = 0;
    const asText = (value: unknown): void => {
      if (typeof value === 'string') parts.push(value);
      else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        parts.push(
          new TextDecoder('utf-8', { fatal: false }).decode(bytes),
          String.fromCharCode(...bytes.slice(0, 100_000)),
        );
      } else if (Array.isArray(value)) for (const v of value) asText(v);
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) {
          parts.push(k);
          asText(v);
        }
      else if (value !== undefined && value !== null) parts.push(String(value));
    };
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').filter(Boolean);
    for (const name of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        records += rows.length;
        asText(rows);
      }
      db.close();
    }
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        parts.push(key, storage.getItem(key) ?? '');
      }
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        parts.push(request.url);
        const response = await cache.match(request);
        if (response) parts.push(await response.text());
      }
    }
    return { text: parts.join('\n'), databases, records };
  });
}
