// One WebKit (WebKitGTK's MiniBrowser) session through classic WebDriver, with the few actions the
// flows need: find a control by role and name (tests/tools/controls.ts, as the Chromium suite does),
// click, type key by key, and wait for a condition — never for a fixed time.
import { Builder, Key, type WebDriver, type WebElement } from 'selenium-webdriver';
import { type Control, toWire } from '../tools/controls.ts';
import { findInPage } from './findInPage.ts';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** Safari on an iPad (iPadOS 18), as the app meets it when asked for the mobile site. */
export const IPAD_UA =
  'Mozilla/5.0 (iPad; CPU OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';
export const BROWSER_ARGS = [
  '--automation',
  // navigator.storage is off in WebKitGTK unless asked for (Safari has it).
  '--features=+StorageAPI,+StorageAPIEstimate',
  `--user-agent=${IPAD_UA}`,
];
/** An 11-inch iPad Air in portrait, in CSS pixels. */
export const IPAD = { width: 820, height: 1180 };

// tsx (esbuild) may wrap named functions in __name(): define it for the copy sent into the page.
const FIND = `var __name = (f) => f; return (${findInPage.toString()})(arguments[0], arguments[1] || document);`;

export class TimeoutError extends Error {}

/** Polls `check` until it returns something other than false/null/undefined. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | false | null | undefined>,
  timeout = 20_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end)
      throw new TimeoutError(`Timed out after ${timeout} ms waiting for ${what}${last ? ` (${last})` : ''}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const nameOf = (c: Control) => `${c.role} "${c.name}"`;

export class Browser {
  private constructor(readonly driver: WebDriver) {}

  /**
   * A session on the driver at `driverUrl`: a fresh MiniBrowser (a fresh profile), or with
   * `attach` the MiniBrowser the driver was started with `--target` for (its storage lives on).
   */
  static async open(driverUrl: string, attach = false): Promise<Browser> {
    const driver = await new Builder()
      .usingServer(driverUrl)
      .withCapabilities({
        browserName: 'MiniBrowser',
        ...(attach ? {} : { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: BROWSER_ARGS } }),
      })
      .build();
    const browser = new Browser(driver);
    await browser.resize(IPAD);
    return browser;
  }

  /** Sizes the window so that the page itself (the viewport) is `size`. */
  async resize(size: { width: number; height: number }): Promise<void> {
    const window = this.driver.manage().window();
    await window.setRect(size);
    const inner = await this.eval<[number, number]>('return [innerWidth, innerHeight]');
    await window.setRect({ width: 2 * size.width - inner[0], height: 2 * size.height - inner[1] });
  }

  async quit(): Promise<void> {
    await this.driver.quit();
  }

  async go(url: string): Promise<void> {
    await this.driver.get(url);
  }

  async eval<T>(script: string, ...args: unknown[]): Promise<T> {
    return (await this.driver.executeScript(script, ...args)) as T;
  }

  /** The visible elements matching `c` now (none is not an error). */
  async all(c: Control, within?: WebElement): Promise<WebElement[]> {
    return this.driver.executeScript<WebElement[]>(FIND, toWire(c), within ?? null);
  }

  /** The first visible element matching `c`, waiting for it to appear. */
  async find(c: Control, options: { within?: WebElement; timeout?: number } = {}): Promise<WebElement> {
    return waitUntil(
      nameOf(c),
      async () => (await this.all(c, options.within))[0],
      options.timeout ?? 20_000,
    );
  }

  /** Waits until the app has moved focus to this control (screens do it in an effect after paint). */
  async focused(c: Control): Promise<void> {
    await waitUntil(`focus on ${nameOf(c)}`, async () => {
      const el = await this.find(c);
      return this.eval<boolean>('return document.activeElement === arguments[0]', el);
    });
  }

  async gone(c: Control, timeout = 20_000): Promise<void> {
    await waitUntil(`${nameOf(c)} to go`, async () => (await this.all(c)).length === 0, timeout);
  }

  async click(c: Control, options: { within?: WebElement; timeout?: number } = {}): Promise<void> {
    const el = await this.find(c, options);
    await waitUntil(`${nameOf(c)} to be enabled`, () => el.isEnabled());
    await this.tap(el, nameOf(c));
  }

  /** Clicks an element as a person taps it: scrolled into the middle of the screen when covered. */
  async tap(el: WebElement, what: string): Promise<void> {
    try {
      await el.click();
    } catch (error) {
      // WebDriver scrolls the element to the top edge, where the app's sticky bar may cover it.
      if ((error as Error).name !== 'ElementClickInterceptedError')
        throw new Error(`tapping ${what}: ${(error as Error).name} ${(error as Error).message}`);
      await this.eval("arguments[0].scrollIntoView({ block: 'center' })", el);
      await el.click().catch((again: Error) => {
        throw new Error(`tapping ${what}: ${again.name} ${again.message}`);
      });
    }
  }

  /** Empties the field, then types `text` key by key (real key events, as a person would). */
  async type(c: Control, text: string): Promise<void> {
    const el = await this.find(c);
    // Select all and delete, as keys: WebDriver's Element Clear fires no `input` event, so the
    // app would never hear that a field was emptied.
    if ((await el.getAttribute('value')) !== '')
      await el.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
    if (text) await el.sendKeys(text);
    const value = await el.getAttribute('value');
    if (value !== text) throw new Error(`typing into ${nameOf(c)}: it holds "${value}", not "${text}"`);
  }

  async value(c: Control): Promise<string> {
    return (await (await this.find(c)).getAttribute('value')) ?? '';
  }

  /** Chooses the option with this value in a `select`. */
  async choose(c: Control, value: string): Promise<void> {
    const select = await this.find(c);
    // WebKitGTK opens a GTK menu for a <select> that WebDriver cannot click into (iPadOS shows its
    // own picker, outside the page too): choose as the picker does, then tell the page.
    await this.eval(
      `const [select, value] = arguments; select.focus(); select.value = value;
       select.dispatchEvent(new Event('input', { bubbles: true }));
       select.dispatchEvent(new Event('change', { bubbles: true }));`,
      select,
      value,
    );
    await waitUntil(`${nameOf(c)} = ${value}`, async () => (await select.getAttribute('value')) === value);
  }

  async text(): Promise<string> {
    return this.eval<string>('return document.body.innerText');
  }

  /** Waits for visible text on the page. */
  async see(text: string | RegExp, timeout = 20_000): Promise<void> {
    await waitUntil(
      `text ${text}`,
      async () => {
        const body = await this.text();
        return typeof text === 'string' ? body.includes(text) : text.test(body);
      },
      timeout,
    );
  }

  async notSee(text: string, timeout = 20_000): Promise<void> {
    await waitUntil(`text "${text}" to go`, async () => !(await this.text()).includes(text), timeout);
  }

  async url(): Promise<string> {
    return this.driver.getCurrentUrl();
  }

  /** Waits until the service worker controls the page: only then does an offline reload work. */
  async controlled(): Promise<void> {
    await waitUntil(
      'the service worker to control the page',
      () => this.eval<boolean>('return navigator.serviceWorker.controller !== null'),
      20_000,
    );
  }
}
