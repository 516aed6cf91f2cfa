// 50,000 services to a device in one request: GET /api/v2/directory through a relay whose copy was
// refreshed from a 50,000-service sandbox. Time to the parsed JSON and bytes on the wire (gzip).
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';

export type Download = { status: number; ms: number; wireBytes: number; services: number; etag: string };

export function download(url: string, token: string, etag?: string): Promise<Download> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' };
    if (etag) headers['If-None-Match'] = etag;
    const req = request(`${url}/api/v2/directory`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const gzip = res.headers['content-encoding'] === 'gzip';
        const json =
          res.statusCode === 200 ? JSON.parse((gzip ? gunzipSync(raw) : raw).toString('utf8')) : undefined;
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          wireBytes: raw.length,
          services: json?.healthservices?.length ?? 0,
          etag: String(res.headers.etag ?? ''),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
