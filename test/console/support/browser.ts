import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); playwright downloads no browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(new URL('../../..', import.meta.url).pathname, 'test-results', 'console');

/**
 * Whether the browser tests can run. Under CI a missing browser is a failure (the suite must not go
 * green by skipping); elsewhere the tests are skipped, loudly.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    // A failing test of its own, not a throw while the file loads: thrown then, the file's imports
    // went on after jest tore it down, and the next file on the same worker failed with them.
    describe('Chromium', () =>
      it('is installed (CI=true)', () => {
        throw new Error(
          `CI=true and no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
        );
      }));
    return false;
  }
  console.warn(
    `\n*** SKIPPING the console's browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH) ***\n`,
  );
  return false;
}

export function launch(): Promise<Browser> {
  // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A context that records every request leaving the API's origin (the console must need no CDN). */
export async function newContext(browser: Browser, origin: string, viewport = { width: 1280, height: 800 }) {
  const context: BrowserContext = await browser.newContext({ viewport, acceptDownloads: true });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  return { context, external };
}

export async function signIn(page: Page, origin: string, token: string): Promise<void> {
  await page.goto(`${origin}/console/`);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-testid="signed-in-as"]').waitFor();
  await settled(page);
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's serious and critical violations on the page as it is. Evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy (script-src 'self') does not govern.
 */
export async function seriousViolations(
  page: Page,
): Promise<Array<{ id: string; impact: string | null; help: string; targets: string[] }>> {
  await page.evaluate(await axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.flatMap((n) => n.target) }));
}

/** Waits until the console shows the page of the current address, fully drawn (not an earlier one). */
export async function settled(page: Page): Promise<void> {
  // A function, not a string: the page's CSP (no 'unsafe-eval') refuses strings evaluated in it.
  await page.waitForFunction(() => {
    const { document, location } = globalThis as any;
    const shown = document.querySelector('main > .page');
    return (
      shown !== null &&
      shown.getAttribute('data-route') === location.hash &&
      !document.querySelector('main[aria-busy]')
    );
  });
}

/** Opens a console address (`#/cases?…`) and waits for its page. */
export async function open(page: Page, origin: string, hash: string): Promise<void> {
  await page.goto(`${origin}/console/${hash}`);
  await settled(page);
}
