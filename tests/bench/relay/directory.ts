// 50,000 services to a device in one request: GET /api/v2/directory through a relay whose copy was
// refreshed from a 50,000-service sandbox. Time to the parsed JSON (or to the packed search index a
// device of this release asks for, decoded) and bytes on the wire (gzip).
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { decodeIndex, packedIndexType } from '../../../src/domain/directory/packedIndex.ts';

export type Download = { status: number; ms: number; wireBytes: number; services: number; etag: string };

export function download(url: string, token: string, etag?: string, packed = false): Promise<Download> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' };
    if (etag) headers['If-None-Match'] = etag;
    if (packed) headers.Accept = packedIndexType();
    const req = request(`${url}/api/v2/directory`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const gzip = res.headers['content-encoding'] === 'gzip';
        const body = res.statusCode === 200 ? (gzip ? gunzipSync(raw) : raw) : undefined;
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          wireBytes: raw.length,
          services:
            body === undefined
              ? 0
              : packed
                ? indexedCount(body)
                : JSON.parse(body.toString('utf8')).healthservices.length,
          etag: String(res.headers.etag ?? ''),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function indexedCount(body: Buffer): number {
  const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  return decodeIndex(bytes)?.index.services.count ?? 0;
}
