import { generateKeyPairSync } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestSignatureValid, type LogDigest, type SigningJwk } from '#audit';
import { Http } from '../support/http.js';
import { startStandalone, type RunningStandalone } from '../support/standalone-process.js';

/**
 * `npm start` signs its log (SPEC §7.1) with no set-up: a key made in DATA_DIR (0600), digests
 * issued every AUDIT_DIGEST_SECONDS while the log grows; a restart with AUDIT_SIGNING_KEY_FILE
 * rotates the key, and the old one stays listed so earlier digests still verify.
 */
describe('npm start issues signed log digests', () => {
  let dataDir: string;
  let app: RunningStandalone | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'caseledger-digests-'));
  }, 60_000);

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  const stop = async () => {
    app!.child.kill('SIGTERM');
    const exit = await app!.exited;
    expect([exit.code, exit.code === 0 ? '' : app!.output()]).toEqual([0, '']);
  };

  /** Files one complaint and waits until a digest covers its position. */
  async function fileAndAwaitDigest(http: Http): Promise<LogDigest> {
    const filed = await http.post('/cases', {
      channel: 'web',
      complainant: { type: 'customer', id: `CU-${Date.now()}` },
      subject: 'Late',
      body: 'Still late.',
    });
    expect(filed.status).toBe(201);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const latest = await http.get('/audit/digests/latest');
      if (latest.status === 200 && latest.body.position >= filed.body.globalPosition) return latest.body;
      if (Date.now() > deadline)
        throw new Error(
          `no digest covered position ${filed.body.globalPosition}: ${JSON.stringify(latest.body)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const publicKeys = async (url: string) =>
    ((await (await fetch(`${url}/audit/public-keys`)).json()) as { keys: SigningJwk[] }).keys;

  it('makes a key in DATA_DIR at first start and signs digests with it', async () => {
    app = await startStandalone(dataDir, { AUDIT_DIGEST_SECONDS: '1' });
    const http = new Http(app.url, app.token);
    expect((await http.get('/audit/digests/latest')).body).toMatchObject({
      statusCode: 404,
      code: 'DIGEST_NOT_FOUND',
    });
    const digest = await fileAndAwaitDigest(http);
    expect(statSync(join(dataDir, 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
    const [key] = await publicKeys(app.url);
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: digest.keyId });
    expect(digestSignatureValid(digest, key!)).toBe(true);
    expect((await http.get('/health')).body['log-digests']).toMatchObject({
      ready: true,
      status: 'active',
      keyId: digest.keyId,
      position: expect.any(Number),
    });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/^caseledger_digest_position (\d+)$/m);
    expect(Number(/^caseledger_digest_position (\d+)$/m.exec(metrics)![1])).toBeGreaterThanOrEqual(
      digest.position,
    );
    await stop();
  }, 60_000);

  it('after a rotation (AUDIT_SIGNING_KEY_FILE) signs with the new key and still lists the old one', async () => {
    const keyFile = join(dataDir, 'rotated.pem');
    writeFileSync(
      keyFile,
      generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }),
      { mode: 0o600 },
    );
    app = await startStandalone(dataDir, { AUDIT_DIGEST_SECONDS: '1', AUDIT_SIGNING_KEY_FILE: keyFile });
    const http = new Http(app.url, app.token);
    const digest = await fileAndAwaitDigest(http);
    const keys = await publicKeys(app.url);
    expect(keys).toHaveLength(2);
    expect(keys[1]!.kid).toBe(digest.keyId);
    const all = (await http.get('/audit/digests')).body.digests as LogDigest[];
    expect(new Set(all.map((d) => d.keyId)).size).toBe(2);
    for (const d of all)
      expect(
        digestSignatureValid(
          d,
          keys.find((k) => k.kid === d.keyId)!,
        ),
      ).toBe(true);
    await stop();
  }, 60_000);
});
