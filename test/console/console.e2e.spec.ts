import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { changeAmount, logSize } from '../audit/support/audit-app.js';
import { departmentMonth } from '../reports/department-month.scenario.js';
import {
  followThroughSeptemberAtW,
  goodwillSeptember,
  repWorkloadAtW,
  W,
} from '../reports/department-month.figures.js';
import { sendScenario } from '../reports/scenario-over-http.js';
import {
  chromiumAvailable,
  launch,
  newContext,
  open,
  screenshot,
  seriousViolations,
  settled,
  signIn,
} from './support/browser.js';
import { startConsoleApp, type ConsoleTestApp } from './support/console-app.js';

jest.setTimeout(180_000);

const september = { from: '2026-09-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };
const departmentUrl = `#/department?from=${september.from}&to=${september.to}&asOf=${W}`;

/** The value a `data-figure` name points at in a report: `<report>.<department|staffId>.<path…>`. */
function valueAt(report: any, name: string): unknown {
  const [, who, ...path] = name.split('.');
  const list = report.correspondents ?? report.staff;
  const start = who === 'department' ? report.department : list.find((row: any) => row.staffId === who);
  return path.reduce((value: any, key) => value?.[key], start);
}

/** Every figure on screen, as the page wrote it into data-value (the raw number the API answered). */
async function figuresOnScreen(page: Page, prefix: string): Promise<Map<string, string>> {
  const pairs = await page.$$eval(`[data-figure^="${prefix}."]`, (cells) =>
    cells.map((c) => [c.getAttribute('data-figure')!, c.getAttribute('data-value')!] as [string, string]),
  );
  return new Map(pairs);
}

const shown = (value: unknown) => (value === null || value === undefined ? 'null' : String(value));

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

/**
 * The console in Debian's Chromium against the real API on embedded PostgreSQL, on the month of
 * department-month.scenario.ts whose report figures were worked out by hand.
 */
describeInBrowser('the department console in a real browser', () => {
  let app: ConsoleTestApp;
  let browser: Browser;
  let last: number;
  let supervisorToken: string;

  beforeAll(async () => {
    app = await startConsoleApp();
    last = await sendScenario(app, departmentMonth());
    browser = await launch();
    supervisorToken = await app.token('S-01', 'supervisor');
    // The console reads the read models: let the projector catch up with the whole month first.
    expect(
      (await (await app.as('A-1', 'analyst')).get(`/reports/rep-workload?minPosition=${last}`)).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function pageAs(token: string, viewport?: { width: number; height: number }) {
    const { context, external } = await newContext(browser, app.url, viewport);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, app.url, token);
    return { page, context, external, errors };
  }

  it('shows the three September reports with the figures the API answers and the hand-worked ones', async () => {
    const { page, context, external, errors } = await pageAs(supervisorToken);
    await open(page, app.url, `${departmentUrl}`);
    await page.locator('#rep-workload canvas').first().waitFor();
    const api = await app.as('A-1', 'analyst');
    const expected = [
      {
        prefix: 'rep-workload',
        hand: repWorkloadAtW,
        api: (await api.get(`/reports/rep-workload?asOf=${W}`)).body,
      },
      {
        prefix: 'goodwill',
        hand: goodwillSeptember,
        api: (await api.get(`/reports/goodwill?from=${september.from}&to=${september.to}`)).body,
      },
      {
        prefix: 'follow-through',
        hand: followThroughSeptemberAtW,
        api: (await api.get(`/reports/follow-through?from=${september.from}&to=${september.to}&asOf=${W}`))
          .body,
      },
    ];
    for (const { prefix, hand, api: answer } of expected) {
      const onScreen = await figuresOnScreen(page, prefix);
      expect(onScreen.size).toBeGreaterThan(10);
      for (const [name, value] of onScreen) {
        if (name === 'rep-workload.oldest') continue;
        expect({ name, value }).toEqual({ name, value: shown(valueAt(hand, name)) });
        expect({ name, value }).toEqual({ name, value: shown(valueAt(answer, name)) });
      }
    }
    // The oldest open case at W is C-03's B01, received 08-25 09:00: 34 days and 3 hours (the figures' comment).
    expect((await figuresOnScreen(page, 'rep-workload')).get('rep-workload.oldest')).toBe('819');
    await page.getByText('Imbalance (max ÷ mean)').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'department');

    // CSV download: the same bytes the API answers for Accept: text/csv.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-csv="goodwill"]').click(),
    ]);
    const csv = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(csv).toString('utf8')).toBe(
      String(
        (await api.get(`/reports/goodwill?from=${september.from}&to=${september.to}`, { Accept: 'text/csv' }))
          .body,
      ),
    );

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is readable at phone width: the department page in one column, no serious accessibility fault', async () => {
    const { page, context } = await pageAs(supervisorToken, { width: 390, height: 844 });
    await open(page, app.url, `${departmentUrl}`);
    await page.locator('#goodwill canvas').first().waitFor();
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'department-phone');
    await context.close();
  });

  it('lists cases with filters and paging, and shows a case with its follow-ups and history', async () => {
    const { page, context, errors } = await pageAs(supervisorToken);
    const api = await app.as('S-01', 'supervisor');
    await open(page, app.url, `#/cases?status=open`);
    const all = (await api.get('/cases?status=open&limit=200')).body;
    await expect(page.getByTestId('case-count').textContent()).resolves.toContain(`${all.total} cases`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'cases');

    // Filter through the form: C-02's open cases.
    await page.getByLabel('Assignee (staff id, or none)').fill('C-02');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/assigneeId=C-02/);
    await settled(page);
    const c02 = (await api.get('/cases?status=open&assigneeId=C-02')).body;
    await expect(page.getByTestId('case-count').textContent()).resolves.toContain(`${c02.total} case`);
    const assignees = await page.$$eval('tbody tr td:nth-child(6)', (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(new Set(assignees)).toEqual(new Set(['C-02']));

    // A case with promises: F04 (its follow-up overdue at W, still pending now).
    await open(page, app.url, `#/cases/F04`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const view = (await api.get('/cases/F04')).body;
    const history = (await api.get('/cases/F04/history')).body.events;
    expect(await page.locator('.timeline li').count()).toBe(history.length);
    await expect(page.locator('.timeline li').first().textContent()).resolves.toContain(
      `standards v${history[0].metadata.standardsVersion}`,
    );
    expect(await page.locator('[data-follow-up-state]').count()).toBe(view.followUps.length);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-supervisor');

    // "As known at" an instant of recorded time: the case as GET /cases/{id}?asOf= answers it, no actions.
    const asOf = history[2].recordedAt;
    const then = (await api.get(`/cases/F04?asOf=${asOf}`)).body;
    await open(page, app.url, `#/cases/F04?asOf=${asOf}`);
    await expect(
      page.locator('.facts div', { hasText: 'Revision' }).locator('dd').textContent(),
    ).resolves.toBe(String(then.revision));
    await expect(page.locator('.facts div', { hasText: 'Status' }).locator('dd').textContent()).resolves.toBe(
      then.status,
    );
    expect(await page.locator('form.action').count()).toBe(0);
    expect(await page.locator('.timeline li').count()).toBe(
      history.filter((e: any) => e.recordedAt <= asOf).length,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lands a correspondent on their own open cases and offers no action on another's case", async () => {
    const token = await app.token('C-01', 'correspondent');
    const { page, context } = await pageAs(token);
    await page.getByRole('heading', { name: 'My open cases' }).waitFor();
    const api = await app.as('C-01', 'correspondent');
    const mine = (await api.get('/cases?status=open&assigneeId=C-01')).body;
    await expect(page.getByTestId('case-count').textContent()).resolves.toContain(`${mine.total} case`);
    expect(await page.getByRole('link', { name: 'Department today' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    const theirs = (await api.get('/cases?status=open&assigneeId=C-02')).body.cases[0];
    await open(page, app.url, `#/cases/${theirs.caseId}`);
    await page.getByTestId('case-actions').waitFor();
    expect(await page.locator('form.action').count()).toBe(0);
    await expect(page.getByTestId('case-actions').textContent()).resolves.toContain("C-02's");
    expect(await page.locator('.timeline').count()).toBe(0);

    await open(page, app.url, `#/cases/${mine.cases[0].caseId}`);
    await page.locator('form#respond').waitFor();
    expect(await page.locator('form#sort').count()).toBe(0);
    expect(await page.locator('form#goodwill').count()).toBe(1);
    await context.close();
  });

  it('shows GOODWILL_LIMIT_EXCEEDED at the amount field and appends nothing', async () => {
    const token = await app.token('C-01', 'correspondent');
    const api = await app.as('C-01', 'correspondent');
    const own = (await api.get('/cases?status=open&assigneeId=C-01')).body.cases[0];
    const standards = (await api.get('/standards')).body;
    const { page, context } = await pageAs(token);
    await open(page, app.url, `#/cases/${own.caseId}`);
    await page.getByTestId('standards-limits').waitFor();
    const month = new Date().toISOString().slice(0, 7);
    const account = (await api.get(`/goodwill-budgets/C-01/${month}`)).body;
    await expect(page.getByTestId('budget-left').textContent()).resolves.toContain(
      `left ${(account.remainingCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}.`,
    );
    await expect(page.getByTestId('standards-limits').textContent()).resolves.toContain(
      `Standards v${standards.version}`,
    );
    const before = await logSize(app.databaseUrl);
    const form = page.locator('form#goodwill');
    await form
      .locator('[name="amountCents"]')
      .fill(((standards.goodwillPerGrantLimitCents + 100) / 100).toFixed(2));
    await form.getByLabel('Reason').fill('Sorry for the trouble');
    await form.getByRole('button', { name: 'Grant' }).click();
    const error = form.locator('[data-error-for="amountCents"]');
    await error.waitFor({ state: 'visible' });
    await expect(error.textContent()).resolves.toMatch(/^GOODWILL_LIMIT_EXCEEDED: /);
    await expect(form.locator('[name="amountCents"]').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await logSize(app.databaseUrl)).toEqual(before);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'case-goodwill-refused');
    await context.close();
  });

  it("sorts with auto-assignment, previews and names its choice, and the department's figures include it at once (minPosition)", async () => {
    const { page, context } = await pageAs(supervisorToken);
    const api = await app.as('S-01', 'supervisor');
    const target = (await api.get('/cases?status=open&assigneeId=none')).body.cases[0];
    const before = (await api.get('/reports/rep-workload')).body.department.unassigned;
    await open(page, app.url, `#/cases/${target.caseId}`);
    const form = page.locator('form#sort');
    await form.getByLabel('Complexity (1–5)').selectOption('3');
    const preview = form.getByTestId('auto-assignment-preview').filter({ hasText: 'for complexity 3' });
    await preview.waitFor();
    const previewed = /would choose (\S+) for/.exec((await preview.textContent()) ?? '')![1];
    await form.getByRole('button', { name: 'Sort' }).click();
    await page.locator('.flash', { hasText: 'Auto-assignment chose' }).waitFor();
    const chosen = /Auto-assignment chose (\S+)\./.exec(
      (await page.locator('.flash').textContent()) ?? '',
    )![1];
    expect((await api.get(`/cases/${target.caseId}`)).body.assigneeId).toBe(chosen);
    // The preview (the domain's chooseAssignee on the report's loads) named the one the API chose.
    expect(previewed).toBe(chosen);
    await open(page, app.url, `#/department`);
    await page.locator('[data-figure="rep-workload.department.unassigned"]').waitFor();
    await expect(
      page.locator('[data-figure="rep-workload.department.unassigned"]').getAttribute('data-value'),
    ).resolves.toBe(String(before - 1));
    await context.close();
  });

  it('finds a tampered goodwill grant, names the first break and links to its case', async () => {
    const auditorToken = await app.token('AU-1', 'auditor');
    const { page, context } = await pageAs(auditorToken);
    await open(page, app.url, `#/audit`);
    await page.getByRole('button', { name: 'Verify the chains' }).click();
    await page.getByText('Every chain holds').waitFor();
    const grants = (await (await app.as('AU-1', 'auditor')).get('/audit/events?type=GoodwillGranted&limit=1'))
      .body.events;
    const grant = grants[0];
    const restore = await changeAmount(
      app.databaseUrl,
      grant.streamId,
      grant.streamRevision,
      grant.data.amountCents + 100_00,
    );
    try {
      await page.getByRole('button', { name: 'Verify the chains' }).click();
      const broken = page.getByTestId('first-break');
      await broken.waitFor();
      await expect(broken.textContent()).resolves.toContain(
        `${grant.streamId} at revision ${grant.streamRevision} — hash mismatch`,
      );
      await expect(broken.getByRole('link').getAttribute('href')).resolves.toBe(
        `#/cases/${grant.data.caseId}`,
      );
      // The digests still hold: the tamper changed an event's data, not the chain hashes the log
      // hash is computed from (the chain check above is what catches it).
      await page
        .getByTestId('digest-result')
        .filter({ hasText: /^✔ \d+ signed digests hold/ })
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'audit-break');
    } finally {
      await restore();
    }
    // The trail, filtered by type, paged.
    await open(page, app.url, `#/audit?type=GoodwillGranted`);
    await page.locator('tbody tr').first().waitFor();
    const types = await page.$$eval('tbody tr td:nth-child(3)', (cells) => cells.map((c) => c.textContent));
    expect(new Set(types)).toEqual(new Set(['GoodwillGranted']));
    await context.close();
  });

  it('asks for a token first, and refuses one that is not a token, next to the field', async () => {
    const { context } = await newContext(browser, app.url);
    const page = await context.newPage();
    await page.goto(`${app.url}/console/`);
    await page.getByLabel('Access token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not a valid');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');
    await context.close();
  });

  it('works with the keyboard alone: skip link, sign-in, a filter, a case', async () => {
    const { context } = await newContext(browser, app.url);
    const page = await context.newPage();
    await page.goto(`${app.url}/console/`);
    // As a person would: the form is on screen (drawn once the page knows how this deployment signs in).
    await page.getByLabel('Access token').waitFor();
    const focused = () =>
      page.evaluate(() => (globalThis as any).document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.type(supervisorToken);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="signed-in-as"]').waitFor();
    await settled(page);
    await open(page, app.url, '#/cases');
    // Into the subject filter by tabbing, as a keyboard user would (skip link, brand, three nav links, sign out).
    const subject = page.getByLabel('Subject contains');
    for (
      let i = 0;
      i < 12 && !(await subject.evaluate((el) => el === (globalThis as any).document.activeElement));
      i++
    )
      await page.keyboard.press('Tab');
    await page.keyboard.type('Complaint S0');
    await page.keyboard.press('Enter');
    await page.waitForURL(/subject=Complaint/);
    await settled(page);
    await expect(page.getByTestId('case-count').textContent()).resolves.toContain('2 cases');
    await page.getByRole('link', { name: 'S01' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/cases\/S01$/);
    await settled(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Complaint S01');
    await context.close();
  });
});
