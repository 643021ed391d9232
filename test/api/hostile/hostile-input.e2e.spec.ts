import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Http } from '../../support/http.js';
import {
  complaint,
  detailPaths,
  expectError,
  expectStatus,
  orderEvent,
  refused,
  sortBody,
} from '../../support/api-fixtures.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../../support/test-app.js';

/**
 * Issue 19's table, row by row: inputs a probe sent to a running server that answered 500 (or 200
 * where it should have refused). Each must now be a clear 4xx that appends nothing. The app checks
 * audience and issuer here, as a deployment behind an identity provider does.
 */

const AUDIENCE = 'caseledger';
const ISSUER = 'https://id.department.test';
const key = new TextEncoder().encode(TEST_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);

/** A token whose payload is exactly `payload` (JSON text), signed with the app's secret. */
function rawToken(payload: string): string {
  const input = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${input}.${createHmac('sha256', TEST_JWT_SECRET).update(input).digest('base64url')}`;
}

describe('hostile input (issue 19): every bad request a clear 4xx that changes nothing', () => {
  let app: TestApp;
  let admin: Http;
  let caseId = '';

  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_AUDIENCE: AUDIENCE, AUTH_ISSUER: ISSUER } });
    admin = new Http(app.url).as(await app.token('ops', 'admin'));
    const filed = await admin.post('/cases', complaint());
    expectStatus(filed, 201);
    caseId = filed.body.caseId;
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('a lone UTF-16 surrogate in a subject, an order reason or a field name → 400 naming the field', async () => {
    const subject = JSON.stringify(complaint()).replace('Broken lid', '\\ud800');
    expect(
      detailPaths(await refused(app, () => admin.post('/cases', subject), 400, 'VALIDATION_FAILED')),
    ).toEqual(['subject']);
    const order = JSON.stringify({ events: [orderEvent('OrderCancelled', 'O-1', { reason: 'x' })] }).replace(
      '"reason":"x"',
      '"reason":"dup\\udfff"',
    );
    expect(
      detailPaths(await refused(app, () => admin.post('/order-events', order), 400, 'VALIDATION_FAILED')),
    ).toEqual(['events.0.reason']);
    const fieldName = JSON.stringify(complaint()).replace('"subject"', '"sub\\ud83dject"');
    expect(
      (await refused(app, () => admin.post('/cases', fieldName), 400, 'VALIDATION_FAILED')).body.details[0]
        .message,
    ).toMatch(/surrogate/);
    // A pair of surrogates is an ordinary character (an emoji) and is kept.
    expectStatus(
      await admin.post(
        '/cases',
        JSON.stringify(complaint()).replace('Broken lid', 'Broken lid \\ud83d\\ude00'),
      ),
      201,
    );
  });

  it('a lone surrogate in a token’s sub → 401', async () => {
    const token = rawToken(
      `{"sub":"ops\\ud800","roles":["admin"],"aud":"${AUDIENCE}","iss":"${ISSUER}","exp":${now() + 600}}`,
    );
    await refused(app, () => new Http(app.url).as(token).post('/cases', complaint()), 401, 'UNAUTHENTICATED');
  });

  it('amountCents: 1e400 and complexity: 1e400 → 400 naming the field', async () => {
    const budget = '{"staffId":"C-1","month":"2026-12","amountCents":1e400}';
    expect(
      detailPaths(
        await refused(app, () => admin.post('/goodwill-budgets', budget), 400, 'VALIDATION_FAILED'),
      ),
    ).toEqual(['amountCents']);
    const sort = JSON.stringify(sortBody(1)).replace('"complexity":1', '"complexity":1e400');
    expect(
      detailPaths(
        await refused(app, () => admin.post(`/cases/${caseId}/sort`, sort), 400, 'VALIDATION_FAILED'),
      ),
    ).toEqual(['complexity']);
  });

  it('JSON nested 50,000 deep, with a token → 400 naming the depth limit (32)', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const reply = await refused(app, () => admin.post('/cases', deep), 400, 'VALIDATION_FAILED');
    expect(reply.body.details[0].message).toBe('Nested deeper than 32 levels');
    const inAField = JSON.stringify(complaint()).replace(
      '"Broken lid"',
      `${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}`,
    );
    expect(
      detailPaths(await refused(app, () => admin.post('/cases', inAField), 400, 'VALIDATION_FAILED'))[0],
    ).toMatch(/^subject(\.a)+$/);
    // 32 levels is within the limit: the schema then answers, naming the field.
    const at32 = JSON.stringify(complaint()).replace('"Broken lid"', `${'['.repeat(31)}${']'.repeat(31)}`);
    expect(
      detailPaths(await refused(app, () => admin.post('/cases', at32), 400, 'VALIDATION_FAILED')),
    ).toEqual(['subject']);
  });

  it('dates past 9999 once in UTC, and year 0000 → 400 on commands, order events, cases, reports and audit', async () => {
    const late = '9999-12-31T23:00:00-05:00';
    const zero = '0000-06-01T00:00:00.000Z';
    for (const occurredAt of [late, zero]) {
      expect(
        detailPaths(
          await refused(app, () => admin.post('/cases', complaint({ occurredAt })), 400, 'VALIDATION_FAILED'),
        ),
      ).toEqual(['occurredAt']);
      const events = {
        events: [
          orderEvent('OrderPlaced', `O-${randomUUID()}`, {
            occurredAt,
            distributorId: 'D-1',
            totalCents: 100,
          }),
        ],
      };
      expect(
        detailPaths(await refused(app, () => admin.post('/order-events', events), 400, 'VALIDATION_FAILED')),
      ).toEqual(['events.0.occurredAt']);
      expectError(
        await admin.get(`/cases/${caseId}?asOf=${encodeURIComponent(occurredAt)}`),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await admin.get(`/audit/events?from=${encodeURIComponent(occurredAt)}`),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await admin.get(`/reports/rep-workload?asOf=${encodeURIComponent(occurredAt)}`),
        400,
        'VALIDATION_FAILED',
      );
    }
    expectError(await admin.get('/reports/goodwill?from=0000-01-01&to=2026-01-01'), 400, 'VALIDATION_FAILED');
    expectError(
      await admin.get(`/reports/follow-through?from=2026-01-01&to=${encodeURIComponent(late)}`),
      400,
      'VALIDATION_FAILED',
    );
    // The last storable instant still works.
    expectStatus(await admin.get(`/cases/${caseId}?asOf=9999-12-31T23:59:59.999Z`), 200);
  });

  it('an Idempotency-Key over 255 characters → 400; 255 are accepted', async () => {
    const reply = await refused(
      app,
      () => admin.post('/cases', complaint(), { 'Idempotency-Key': 'k'.repeat(6 * 1024) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(reply.body.details).toEqual([{ path: 'Idempotency-Key', message: 'At most 255 characters' }]);
    expectStatus(await admin.post('/cases', complaint(), { 'Idempotency-Key': 'k'.repeat(255) }), 201);
  });

  it('tokens without exp, with exp 1e400, iat in the future, living over 24 h, or for another audience or issuer → 401', async () => {
    const claims = { roles: ['admin'], aud: AUDIENCE, iss: ISSUER };
    const signed = (build: (jwt: SignJWT) => SignJWT, extra: Record<string, unknown> = {}) =>
      build(new SignJWT({ ...claims, ...extra }).setProtectedHeader({ alg: 'HS256' }).setSubject('ops')).sign(
        key,
      );
    const refusedTokens = [
      await signed((jwt) => jwt),
      rawToken(`{"sub":"ops","roles":["admin"],"aud":"${AUDIENCE}","iss":"${ISSUER}","exp":1e400}`),
      await signed((jwt) => jwt.setIssuedAt(now() + 3600).setExpirationTime(now() + 7200)),
      await signed((jwt) => jwt.setIssuedAt().setExpirationTime('25h')),
      await signed((jwt) => jwt.setExpirationTime('1h'), { aud: 'another-application' }),
      await signed((jwt) => jwt.setExpirationTime('1h'), { aud: undefined }),
      await signed((jwt) => jwt.setExpirationTime('1h'), { iss: 'https://evil.test' }),
    ];
    for (const token of refusedTokens) {
      await refused(
        app,
        () => new Http(app.url).as(token).post('/cases', complaint()),
        401,
        'UNAUTHENTICATED',
      );
    }
    const good = await signed((jwt) => jwt.setIssuedAt().setExpirationTime('1h'), {
      aud: ['account', AUDIENCE],
    });
    expectStatus(await new Http(app.url).as(good).post('/cases', complaint()), 201);
  });

  it('a staff name =HYPERLINK(…) comes out of a CSV report as an inert text cell (OWASP)', async () => {
    const name = '=HYPERLINK("http://x","a")';
    expectStatus(
      await admin.post('/staff', { staffId: 'EVIL-1', name, roles: ['correspondent'], skillLevel: 3 }),
      201,
    );
    const position = await app.store.headPosition();
    const csv = await admin.get(`/reports/rep-workload?minPosition=${position}`, { Accept: 'text/csv' });
    expectStatus(csv, 200);
    expect(csv.body).toContain(`EVIL-1,"'=HYPERLINK(""http://x"",""a"")"`);
  });

  it('a report period over 3,660 days, or an unknown report parameter → 400 naming it', async () => {
    expect(
      detailPaths(
        await refused(
          app,
          () => admin.get('/reports/goodwill?from=0001-01-01&to=9999-01-01'),
          400,
          'VALIDATION_FAILED',
        ),
      ),
    ).toEqual(['to']);
    expectStatus(await admin.get('/reports/goodwill?from=2016-01-01&to=2026-01-01'), 200);
    expect(
      detailPaths(
        await refused(
          app,
          () => admin.get('/reports/goodwill?frm=2026-01-01&from=2026-01-01&to=2026-02-01'),
          400,
          'VALIDATION_FAILED',
        ),
      ),
    ).toEqual(['frm']);
    expect(
      detailPaths(
        await refused(
          app,
          () => admin.get('/reports/rep-workload?as0f=2026-01-01'),
          400,
          'VALIDATION_FAILED',
        ),
      ),
    ).toEqual(['as0f']);
  });

  it('after and minPosition take positions up to 2^53 − 1, and refuse beyond with a 400', async () => {
    const reply = await admin.get('/audit/events?after=9007199254740991');
    expectStatus(reply, 200);
    expect(reply.body).toEqual({ events: [], next: null });
    expectError(await admin.get('/audit/events?after=9007199254740992'), 400, 'VALIDATION_FAILED');
    expect(detailPaths(await admin.get('/reports/rep-workload?minPosition=9007199254740992'))).toEqual([
      'minPosition',
    ]);
    expect(detailPaths(await admin.get('/reports/rep-workload?minPosition=12345678901234567'))).toEqual([
      'minPosition',
    ]);
  });

  it('every answer says nosniff and carries a Content-Security-Policy, a looser one only for /docs', async () => {
    const health = await new Http(app.url).get('/health');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const refusedReply = await new Http(app.url).post('/cases', complaint());
    expect(refusedReply.headers.get('x-content-type-options')).toBe('nosniff');
    const docs = await new Http(app.url).get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self'/);
  });
});
