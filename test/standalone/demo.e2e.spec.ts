import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandalone, type RunningStandalone } from '../support/standalone-process.js';

const root = new URL('../..', import.meta.url).pathname;
const withoutSecret = ({ AUTH_JWT_SECRET: _secret, ...env }: NodeJS.ProcessEnv) => env;

/**
 * `npm run demo` (`npm start -- --demo`): a newcomer gets a populated department in one command —
 * tokens per role and three curls whose answers are non-empty reports — and a second start on the
 * same DATA_DIR adds nothing. `npm run cli -- token` mints tokens the server accepts.
 */
describe('npm run demo', () => {
  let dataDir: string;
  let app: RunningStandalone | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'caseledger-demo-'));
  }, 60_000);

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    // The embedded server's last files may still be closing as the process exits.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  const curlsOf = (output: string) =>
    [...output.matchAll(/curl -s "(\S+)" -H "Authorization: Bearer \$SUPERVISOR_TOKEN"/g)].map((m) => m[1]!);
  const tokenOf = (output: string, variable: string) =>
    new RegExp(`export ${variable}=(\\S+)`).exec(output)?.[1];
  const getJson = async (url: string, token: string) => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('fills a month through the API, prints a token per role and three curls with non-empty reports; a second start adds nothing', async () => {
    app = await startStandalone(dataDir, {}, 120_000, [], ['--demo']);
    const output = app.output();
    expect(output).toMatch(/Demo: \d{4}-\d{2} filled through the API — 240 complaints, \d+ commands/);
    for (const variable of [
      'SUPERVISOR',
      'CORRESPONDENT',
      'SORTER',
      'INTAKE',
      'AUDITOR',
      'ANALYST',
      'INTEGRATION',
    ]) {
      expect(tokenOf(output, `${variable}_TOKEN`)).toBeDefined();
    }
    const supervisor = tokenOf(output, 'SUPERVISOR_TOKEN')!;
    const [workloadUrl, goodwillUrl, followThroughUrl] = curlsOf(output);
    expect([workloadUrl, goodwillUrl, followThroughUrl].map((u) => new URL(u!).pathname)).toEqual([
      '/reports/rep-workload',
      '/reports/goodwill',
      '/reports/follow-through',
    ]);

    const workload = await getJson(workloadUrl!, supervisor);
    expect(workload.status).toBe(200);
    expect(workload.body.correspondents.map((c: { staffId: string }) => c.staffId)).toEqual([
      'C-1',
      'C-2',
      'C-3',
      'C-4',
      'C-5',
      'C-6',
    ]);
    expect(workload.body.department.openCases).toBeGreaterThan(0);

    const goodwill = await getJson(goodwillUrl!, supervisor);
    expect(goodwill.status).toBe(200);
    expect(goodwill.body.department.netSalesCents).toBeGreaterThan(0);
    expect(goodwill.body.department.grants).toBeGreaterThan(0);
    expect(goodwill.body.department.guidelinePct).toBe(0.5);
    expect(goodwill.body.staff.length).toBeGreaterThan(0);
    expect(goodwill.body.distributors.length).toBeGreaterThan(0);

    const followThrough = await getJson(followThroughUrl!, supervisor);
    expect(followThrough.status).toBe(200);
    expect(followThrough.body.department.followUps.promised).toBeGreaterThan(0);
    expect(followThrough.body.department.followUps.completedOnTime).toBeGreaterThan(0);
    expect(followThrough.body.department.followUps.overdue).toBeGreaterThan(0);
    expect(followThrough.body.department.cases.received).toBeGreaterThan(200);

    // The analyst's token reads the reports too; the correspondent's may not.
    expect((await getJson(goodwillUrl!, tokenOf(output, 'ANALYST_TOKEN')!)).status).toBe(200);
    expect((await getJson(goodwillUrl!, tokenOf(output, 'CORRESPONDENT_TOKEN')!)).status).toBe(403);

    const audit = await getJson(`${app.url}/audit/verify`, tokenOf(output, 'AUDITOR_TOKEN')!);
    const eventsBefore = audit.body.eventsChecked as number;
    expect(audit.body.ok).toBe(true);

    app.child.kill('SIGTERM');
    await app.exited;
    app = await startStandalone(dataDir, {}, 60_000, [], ['--demo']);
    expect(app.output()).toContain('the log already holds events, so nothing was added');
    const again = await getJson(`${app.url}/audit/verify`, tokenOf(app.output(), 'AUDITOR_TOKEN')!);
    expect(again.body.eventsChecked).toBe(eventsBefore);
  }, 240_000);

  it('npm run cli -- token mints a token of the asked lifetime that the server accepts, and refuses an unknown role', async () => {
    expect(app).toBeDefined();
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['dist/apps/cli/src/main.js', 'token', ...args], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    const minted = cli(['--sub', 'S-1', '--role', 'supervisor', '--ttl', '90m']);
    expect(minted.status).toBe(0);
    const token = minted.stdout.trim();
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: 'S-1', roles: ['supervisor'] });
    expect(claims.exp - claims.iat).toBe(90 * 60);
    expect((await getJson(`${app!.url}/reports/rep-workload`, token)).status).toBe(200);

    const refused = cli(['--sub', 'S-1', '--role', 'owner']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('unknown role owner');
    expect(refused.stdout).toBe('');
    const noSecret = spawnSync(
      process.execPath,
      ['dist/apps/cli/src/main.js', 'token', '--sub', 'x', '--role', 'admin'],
      {
        cwd: root,
        env: { ...withoutSecret(process.env), DATA_DIR: join(dataDir, 'nowhere') },
        encoding: 'utf8',
      },
    );
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain('No JWT secret yet');
  }, 60_000);
});
