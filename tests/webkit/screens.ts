// `npm run screens:webkit`: a PNG of each screen from WebKit at 820 × 1180 (an upright iPad Air),
// into tests/screenshots/webkit/, and the README's three pictures. Run by tests/tools/webkit.ts (`--screens`) like the flows.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startAppServer } from '../tools/appServer.ts';
import { CONTROLS as C, control } from '../tools/controls.ts';
import { Browser, IPAD, waitUntil } from './browser.ts';
import { goHome, next, PIN, startStory, tellStory } from './flows.ts';
import { Network, SERVER_IP } from './network.ts';

const OUT = 'tests/screenshots/webkit';
mkdirSync(OUT, { recursive: true });
const net = new Network();
const driver = spawn('WebKitWebDriver', ['--port=4444'], { stdio: ['ignore', 'ignore', 'inherit'] });
await waitUntil('WebKitWebDriver', async () => (await fetch('http://127.0.0.1:4444/status')).ok);
const app = await startAppServer({ root: 'dist', host: SERVER_IP, sandbox: { services: 300 } });
const url = await net.forward(app.port);
const b = await Browser.open('http://127.0.0.1:4444');
let count = 0;

async function shoot(name: string, path = `${OUT}/${name}.png`): Promise<void> {
  // Let the last keystroke's save and any transition settle: the page says it is idle when no
  // "Saving…" shows and two animation frames have passed.
  await waitUntil('a settled page', async () => !(await b.text()).includes('Saving…'));
  await b.driver.executeAsyncScript(
    'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));',
  );
  writeFileSync(path, Buffer.from(await b.driver.takeScreenshot(), 'base64'));
  console.log(`wrote ${path}`);
  count++;
}

try {
  await b.go(url);
  await b.find(C.setPin);
  await shoot('set-pin');
  await b.type(C.choosePin, PIN);
  await b.type(C.confirmPin, PIN);
  await b.click(C.setPin);
  await b.find(C.savedCode, { timeout: 30_000 });
  await shoot('recovery-code');
  await b.click(C.savedCode);
  await b.find(C.newStory);
  await b.see(/[1-9][\d,]* services?/, 60_000).catch(() => undefined);
  await shoot('home-empty');
  await startStory(b);
  await shoot('story-1-introduce');
  await next(b, 'The story');
  await b.type(C.title, 'Kind staff on the children’s ward');
  await b.type(C.happened, 'The nurse sat with us and explained everything.');
  await b.see('Saved on this device');
  await shoot('story-2-the-story');
  await next(b, 'Services');
  await b.type(C.findService, 'st marys');
  await b.find(control('option', /^St Mary's Hospital/));
  await shoot('story-3-services');
  await b.click(control('option', /^St Mary's Hospital — Kingsmere/));
  await next(b, 'About the storyteller');
  await shoot('story-4-about-the-storyteller');
  await next(b, 'Check and finish');
  await shoot('story-5-check-and-finish');
  await b.click(C.handToStoryteller);
  await b.find(control('heading', 'Your story', { level: 1 }));
  await shoot('handover');
  await b.click(C.giveBack);
  await b.type(C.pin, PIN);
  await shoot('give-back');
  await b.click(C.returnToStaff);
  await goHome(b);
  await shoot('home');
  await b.click(C.settings);
  await b.find(C.apiAddress);
  await shoot('settings');
  await b.click(C.lock);
  await b.find(C.unlock);
  await shoot('lock');
  await b.click(C.cymraeg);
  await b.find(control('button', 'Datgloi'));
  await shoot('lock-cymraeg');

  // The README's pictures, from WebKit: Home with two stories on an iPad held sideways, hand-over
  // upright, and the storyteller's card upright.
  await b.click(control('button', 'English'));
  await b.type(C.pin, PIN);
  await b.click(C.unlock);
  await b.find(C.apiAddress); // back where it was locked: Settings
  await goHome(b);
  await startStory(b);
  await next(b, 'The story');
  await b.type(C.title, 'Waiting times in A&E');
  await b.type(C.happened, 'The nurse sat with us and explained everything.');
  await b.see('Saved on this device');
  await goHome(b);
  await b.resize({ width: 1024, height: 768 });
  await shoot('home-ipad', 'tests/e2e/screenshots/home-ipad.png');
  await b.resize(IPAD);
  await b.click(control('link', 'Waiting times in A&E'));
  await b.click(C.handToStoryteller);
  await b.focused(control('heading', 'Your story', { level: 1 }));
  await b.type(C.good, 'The triage nurse came back to check on my dad twice.');
  await b.see('Saved on this device');
  await shoot('handover-ipad', 'tests/screenshots/handover-ipad.png');
  await b.click(C.giveBack);
  await b.type(C.pin, PIN);
  await b.click(C.returnToStaff);
  await goHome(b);
  await tellStory(b, 'Lantern-lit night on ward nine');
  const card = await waitUntil(
    'the storyteller card',
    async () => (await b.driver.findElements({ css: '.storyteller-card' }))[0],
  );
  await b.eval("arguments[0].scrollIntoView({ block: 'start' })", card);
  await shoot('storyteller-card-ipad', 'tests/screenshots/storyteller-card-ipad.png');
} finally {
  await b.quit().catch(() => undefined);
  driver.kill();
  await app.close();
  await net.closeForwards();
}
console.log(`${count} screens from WebKit at 820 × 1180 in ${OUT}/`);
process.exit(0);
