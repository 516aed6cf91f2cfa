// Installable: the manifest's fields, real PNG icons of the stated sizes, Apple's tags.

import { CARE_OPINION_API_ORIGINS, LOCAL_ORIGINS } from '../tools/headers.ts';
import { expect, test } from './fixtures.ts';

function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test('the manifest and icons are served with the fields an install needs', async ({ page, request, app }) => {
  await page.goto(app.url);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(new URL(href ?? '', app.url).href)).json();
  expect(manifest).toMatchObject({
    name: 'Story Collector',
    short_name: expect.any(String),
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#/),
    background_color: expect.stringMatching(/^#/),
  });
  const icons: { src: string; sizes: string; purpose?: string }[] = manifest.icons;
  const wanted = [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['512x512', 'maskable'],
  ];
  for (const [sizes, purpose] of wanted) {
    const icon = icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any').includes(purpose ?? ''));
    expect(icon, `${sizes} ${purpose} icon`).toBeTruthy();
    const res = await request.get(new URL(icon?.src ?? '', app.url).href);
    expect(res.headers()['content-type']).toBe('image/png');
    const size = pngSize(await res.body());
    expect(`${size.width}x${size.height}`).toBe(sizes);
  }

  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const touchRes = await request.get(new URL(touch ?? '', app.url).href);
  expect(pngSize(await touchRes.body())).toEqual({ width: 180, height: 180 });
  await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');
  await expect(page.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute('content', /\S/);
  expect((await request.get(`${app.url}/favicon.ico`)).status()).toBe(200);
});

test('a Content Security Policy allows scripts and connections only where the app needs them', async ({
  page,
  app,
}) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  const res = await page.goto(app.url);
  const header = res?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self'");
  expect(header).toContain("frame-ancestors 'none'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  // Fails closed: itself, Care Opinion's API origins (the build's default) and this machine only.
  const connect = meta?.split(/;\s*/).find((directive) => directive.startsWith('connect-src'));
  expect(connect).toBe(`connect-src ${["'self'", ...CARE_OPINION_API_ORIGINS, ...LOCAL_ORIGINS].join(' ')}`);
  expect(connect?.split(' ')).not.toContain('https:');
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  // An inline script is refused: the policy is really applied.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.append(s);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(ran).toBe(false);
  expect(violations.filter((v) => !/inline/.test(v))).toEqual([]);
});
