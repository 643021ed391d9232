import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { aNewEvent } from '../../libs/event-store/test/contract/contract-context.js';
import { chromiumAvailable, launch, open, signIn } from './support/browser.js';
import { startConsoleApp, type ConsoleTestApp } from './support/console-app.js';

jest.setTimeout(120_000);

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

/** The audit page's progress bar follows the server's verification (issue 22), not a spinner. */
describeInBrowser('the chain verification shows how far it has got', () => {
  let app: ConsoleTestApp;
  let browser: Browser;
  const EVENTS = 60_000;

  beforeAll(async () => {
    app = await startConsoleApp();
    browser = await launch();
    // 60,000 events in 6,000 streams: a walk long enough for the bar's readings (every 250 ms) to land inside it.
    for (let batch = 0; batch < EVENTS / 4000; batch++)
      await app.store.appendToStreams(
        Array.from({ length: 400 }, () => ({
          streamId: `fixture-${randomUUID()}`,
          expectedRevision: 'no_stream' as const,
          events: Array.from({ length: 10 }, () => aNewEvent({ type: 'AuditFixtureRecorded' })),
        })),
      );
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('fills the bar as events are hashed, saying how many of how many, then the result', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, app.url, await app.token('A-1', 'auditor'));
    await open(page, app.url, '#/audit');
    await page.getByRole('button', { name: 'Verify the chains' }).click();
    const readings: Array<{ value: number | null; max: number; text: string }> = [];
    const result = page.getByTestId('verify-result');
    while ((await result.textContent())?.trim() === '') {
      readings.push(
        await page.evaluate(() => {
          const bar = (globalThis as any).document.getElementById('verify-progress');
          return {
            value: bar.hasAttribute('value') ? Number(bar.value) : null,
            max: Number(bar.max),
            text: bar.nextElementSibling.textContent,
          };
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await result.textContent()).toMatch(/^✔ Every chain holds: \d+ events in \d+ streams\.$/);
    const between = readings.filter((r) => r.value !== null && r.value > 0 && r.value < r.max);
    expect(between.length).toBeGreaterThan(0);
    expect(between[0]!.max).toBeGreaterThanOrEqual(EVENTS);
    expect(between[0]!.text).toMatch(/^[\d,]+ of [\d,]+ events hashed…$/);
    await page.context().close();
  });
});
