/** Starts the playground in-process (session + web server) and drives it with Debian's Chromium. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../../tools/playground/http-server.js';
import { PlaygroundSession } from '../../tools/playground/session.js';
import { markWelcomeSeen, onScreenAndUncovered, overflowingElements } from './page-checks.js';

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'playground');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('The playground browser tests need Chromium: `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  return found;
}

export interface Running {
  session: PlaygroundSession;
  web: WebServer;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

export async function startPlaygroundInBrowser(viewport = { width: 1280, height: 860 }, options: { firstVisit?: boolean } = {}): Promise<Running> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const session = await PlaygroundSession.start({ logLevel: 'silent' });
  const web = await startWebServer(session, '127.0.0.1', 0);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  // The welcome panel is for a first visit; walk-throughs that are not about it start as a returning visitor.
  if (!options.firstVisit) await page.addInitScript(markWelcomeSeen);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(web.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return {
    session,
    web,
    browser,
    page,
    stop: async () => {
      await browser.close();
      await web.close();
      await session.stop();
      if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The newest message in the channel shown, as the page drew it. */
export function lastMessage(page: Page): Locator {
  return page.locator('#messages > discord-message').last();
}

/**
 * Scrolls what the locator finds into view. The page redraws its message list whenever anything changes, so
 * the element found can be replaced before it is scrolled: the check and the scroll run in one step in the
 * page, and a replaced element is looked up again.
 */
export async function scrollIntoView(target: Locator): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const scrolled = await target.evaluate((node) => {
      if (!node.isConnected) return false;
      node.scrollIntoView({ block: 'nearest' });
      return true;
    });
    if (scrolled) return;
  }
  throw new Error('the element was replaced on every try and never scrolled into view');
}

export async function actAs(page: Page, label: RegExp): Promise<void> {
  const option = page.locator('#acting-as option').filter({ hasText: label });
  await page.selectOption('#acting-as', (await option.getAttribute('value')) ?? '');
}

export async function openChannel(page: Page, name: string): Promise<void> {
  await page.click(`#channels a:text-is("# ${name}")`);
}

/** Types a slash command in the composer, picks it from the list, fills options, and sends it. */
export async function runCommand(page: Page, label: string, options: Record<string, string> = {}): Promise<void> {
  await page.fill('#composer-input', label.split(' ')[0] ?? label);
  await page.click(`.pg-command[data-command="${label}"]`);
  for (const [name, value] of Object.entries(options)) {
    const control = page.locator(`#opt-${name}`);
    if ((await control.evaluate((node) => node.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
  await page.click('.pg-send');
}

export async function clickButton(page: Page, message: Locator, label: string | RegExp): Promise<void> {
  await message.locator('discord-button').filter({ hasText: label }).first().click();
}

/** Everything drawn wider than the screen or left of it (see page-checks.ts). */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(overflowingElements);
}

/** Whether a control is on screen where a thumb can reach it: inside the viewport and not covered. */
export async function reachable(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate(onScreenAndUncovered);
}
