import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { asSuperuser, deleteEvent } from '../audit/support/audit-app.js';
import { caller, complaint, expectStatus, sleep } from '../support/api-fixtures.js';
import type { Http, Reply } from '../support/http.js';
import { chromiumAvailable, launch, open, seriousViolations, settled, signIn } from './support/browser.js';
import { startConsoleApp, type ConsoleTestApp } from './support/console-app.js';

jest.setTimeout(120_000);

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

interface Digest {
  position: number;
  eventCount: number;
  keyId: string;
}

/**
 * The audit page checks the signed log digests in Chromium itself (SPEC §7.1, WebCrypto: the log
 * hash over the trail's chain hashes, the event count, the Ed25519 signature), against what the
 * API lists, and names the first digest that stops holding when the database is changed behind
 * the application's back (as a superuser).
 */
describeInBrowser('the signed digests, checked in the browser', () => {
  let app: ConsoleTestApp;
  let browser: Browser;
  let page: Page;
  let auditor: Http;
  let digests: Digest[];

  const allDigests = async (): Promise<Digest[]> => {
    const found: Digest[] = [];
    for (let after: number | null = 0; after !== null;) {
      const reply: Reply = await auditor.get(`/audit/digests?after=${after}`);
      expectStatus(reply, 200);
      found.push(...reply.body.digests);
      after = reply.body.next;
    }
    return found;
  };

  const checkInThePage = async (): Promise<string> => {
    // A fresh page each time: the same address again would keep the last check's result on screen.
    await open(page, app.url, '#/audit');
    await page.reload();
    await settled(page);
    await page.getByRole('button', { name: 'Verify the chains' }).click();
    const done = page.getByTestId('digest-result').locator('p').filter({ hasText: /^[✔✖]/ });
    await done.waitFor();
    return (await done.textContent()) ?? '';
  };

  beforeAll(async () => {
    app = await startConsoleApp({ AUDIT_DIGEST_SECONDS: '1' });
    browser = await launch();
    auditor = await caller(app, 'A-1', 'auditor');
    const intake = await caller(app, 'I-1', 'intake');
    for (let i = 0; i < 6; i++) {
      expectStatus(await intake.post('/cases', complaint({ subject: `Digest ${i}` })), 201);
      await sleep(400); // several digests, each over a part of the log
    }
    const head = await app.store.headPosition();
    for (let tries = 0; ; tries++) {
      digests = await allDigests();
      if (digests.at(-1)?.position === head) break;
      if (tries > 100) throw new Error(`no digest reached the head ${head}`);
      await sleep(200);
    }
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, app.url, await app.token('A-1', 'auditor'));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('says every digest holds, as many as the API lists, up to the last one and its key', async () => {
    expect(digests.length).toBeGreaterThan(1);
    const last = digests.at(-1)!;
    expect(await checkInThePage()).toBe(
      `✔ ${digests.length} signed digests hold, up to position ${last.position} (${last.eventCount} events, key ${last.keyId}).`,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('names the first digest that covers a deleted event: its count no longer holds', async () => {
    const firstStream = await app.store.readStream(
      (await app.store.readAll({ after: 0, maxCount: 1 }))[0]!.streamId,
    );
    const victim = firstStream[0]!;
    const covering = digests.find((d) => d.position >= victim.globalPosition)!;
    const restore = await deleteEvent(app.databaseUrl, victim.streamId, victim.streamRevision);
    try {
      expect(await checkInThePage()).toBe(
        `✖ First digest that does not hold: position ${covering.position} — event count mismatch.`,
      );
    } finally {
      await restore();
    }
  });

  it('names a digest whose signature was altered in the database', async () => {
    const forged = digests.at(-1)!;
    const restore = await asSuperuser(app.databaseUrl, async (db) => {
      const { rows } = await db.query('SELECT signature FROM audit.log_digests WHERE position = $1', [
        forged.position,
      ]);
      const original = rows[0].signature as string;
      const flipped = Buffer.from(original, 'base64url');
      flipped[10] ^= 0x01;
      await db.query('UPDATE audit.log_digests SET signature = $2 WHERE position = $1', [
        forged.position,
        flipped.toString('base64url'),
      ]);
      return () =>
        asSuperuser(app.databaseUrl, (again) =>
          again.query('UPDATE audit.log_digests SET signature = $2 WHERE position = $1', [
            forged.position,
            original,
          ]),
        );
    });
    try {
      expect(await checkInThePage()).toBe(
        `✖ First digest that does not hold: position ${forged.position} — bad signature.`,
      );
    } finally {
      await restore();
    }
    expect(await checkInThePage()).toMatch(/^✔ \d+ signed digests hold/);
  });
});
