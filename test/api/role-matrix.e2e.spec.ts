import { SignJWT } from 'jose';
import { Http } from '../support/http.js';
import { expectError } from '../support/api-fixtures.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app.js';

/**
 * SPEC §4's table, route by route: who may call it. Every request here carries an empty (invalid)
 * body or names a case that does not exist, so a caller who gets past authentication and the role
 * check meets validation (400) or CASE_NOT_FOUND (404) — and nothing is ever appended.
 */

const ROLES = [
  'intake',
  'sorter',
  'correspondent',
  'supervisor',
  'auditor',
  'analyst',
  'integration',
  'admin',
] as const;
type Role = (typeof ROLES)[number];

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  who: readonly Role[] | 'anyone';
  /** What an allowed caller gets with this request: past the role check, before any effect. */
  then: number;
  body?: unknown;
  command: boolean;
}

const NO_CASE = '/cases/no-such-case';

// Copied from SPEC §4 by hand; admin is added by the rule "admin may do everything".
const TABLE: Route[] = [
  { method: 'POST', path: '/staff', who: ['supervisor'], then: 400, body: {}, command: true },
  { method: 'PATCH', path: '/staff/C-1', who: ['supervisor'], then: 400, body: {}, command: true },
  { method: 'PUT', path: '/standards', who: ['supervisor'], then: 400, body: {}, command: true },
  { method: 'POST', path: '/goodwill-budgets', who: ['supervisor'], then: 400, body: {}, command: true },
  {
    method: 'POST',
    path: '/cases',
    who: ['intake', 'sorter', 'correspondent', 'supervisor', 'integration'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/sort`,
    who: ['sorter', 'supervisor'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/assign`,
    who: ['sorter', 'supervisor'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/responses`,
    who: ['correspondent', 'supervisor'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/follow-ups`,
    who: ['correspondent', 'supervisor'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/follow-ups/FU-1/complete`,
    who: ['correspondent', 'supervisor'],
    then: 400,
    body: { unknownField: 1 },
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/goodwill`,
    who: ['correspondent', 'supervisor'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/refunds`,
    who: ['correspondent', 'supervisor'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/resolve`,
    who: ['correspondent', 'supervisor'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/reopen`,
    who: ['correspondent', 'supervisor', 'intake'],
    then: 400,
    body: {},
    command: true,
  },
  {
    method: 'POST',
    path: `${NO_CASE}/satisfaction`,
    who: ['intake', 'correspondent', 'supervisor', 'integration'],
    then: 400,
    body: {},
    command: true,
  },
  { method: 'POST', path: '/order-events', who: ['integration'], then: 400, body: {}, command: true },
  { method: 'GET', path: NO_CASE, who: ROLES, then: 404, command: false },
  { method: 'GET', path: `${NO_CASE}/history`, who: ['supervisor', 'auditor'], then: 404, command: false },
  {
    method: 'GET',
    path: '/reports/rep-workload',
    who: ['supervisor', 'analyst', 'auditor'],
    then: 200,
    command: false,
  },
  {
    method: 'GET',
    path: '/reports/goodwill',
    who: ['supervisor', 'analyst', 'auditor'],
    then: 400,
    command: false,
  },
  {
    method: 'GET',
    path: '/reports/follow-through',
    who: ['supervisor', 'analyst', 'auditor'],
    then: 400,
    command: false,
  },
  { method: 'GET', path: '/audit/events', who: ['auditor'], then: 200, command: false },
  { method: 'GET', path: '/audit/verify', who: ['auditor'], then: 200, command: false },
  { method: 'GET', path: '/audit/verify/progress', who: ['auditor'], then: 200, command: false },
];

const PUBLIC: Array<{ path: string }> = [{ path: '/health' }, { path: '/metrics' }];

const allowed = (route: Route, role: Role) =>
  role === 'admin' || route.who === 'anyone' || route.who.includes(role);
const label = (r: Route) => `${r.method} ${r.path}`;

describe('role matrix (SPEC §4)', () => {
  let app: TestApp;
  const tokens = {} as Record<Role, string>;
  let badSignature = '';
  let expired = '';
  let noSub = '';
  let unsigned = '';
  let headBefore = 0;

  beforeAll(async () => {
    app = await startTestApp();
    for (const role of ROLES) tokens[role] = await app.token(`${role}-1`, role);
    const otherKey = new TextEncoder().encode('another-secret-of-at-least-sixteen-chars');
    const key = new TextEncoder().encode(TEST_JWT_SECRET);
    badSignature = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(otherKey);
    const now = Math.floor(Date.now() / 1000);
    expired = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(key);
    noSub = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(key);
    const payload = Buffer.from(JSON.stringify({ sub: 'admin', roles: ['admin'], exp: now + 3600 })).toString(
      'base64url',
    );
    unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    headBefore = await app.store.headPosition();
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const send = (route: Route, token?: string, headers: Record<string, string> = {}) =>
    new Http(app.url, token).send(route.method, route.path, route.body, headers);

  describe.each(TABLE.map((r) => [label(r), r] as const))('%s', (_, route) => {
    it('without a token → 401 UNAUTHENTICATED', async () => {
      expectError(await send(route), 401, 'UNAUTHENTICATED');
    });

    it('with a token of another key, an expired one, one without sub, an unsigned one or a non-Bearer header → 401', async () => {
      for (const token of [badSignature, expired, noSub, unsigned, 'not-a-jwt'])
        expectError(await send(route, token), 401, 'UNAUTHENTICATED');
      expectError(
        await send(route, undefined, { Authorization: `Basic ${tokens.admin}` }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it.each(ROLES.map((role) => [role, allowed(route, role) ? 'allowed' : '403 FORBIDDEN'] as const))(
      '%s → %s',
      async (role) => {
        const reply = await send(route, tokens[role]);
        if (allowed(route, role)) {
          expect(reply.status).not.toBe(401);
          expect(reply.status).not.toBe(403);
          expect(reply.status).toBe(route.then);
        } else {
          expectError(reply, 403, 'FORBIDDEN');
        }
      },
    );

    if (route.command) {
      it('malformed JSON is body validation: 401 without a token, 403 for a role not allowed, 400 only then', async () => {
        const malformed = (token?: string) =>
          new Http(app.url, token).send(route.method, route.path, '{"oops":', {});
        expectError(await malformed(), 401, 'UNAUTHENTICATED');
        expectError(await malformed(badSignature), 401, 'UNAUTHENTICATED');
        for (const role of ROLES) {
          if (allowed(route, role)) expectError(await malformed(tokens[role]), 400, 'VALIDATION_FAILED');
          else expectError(await malformed(tokens[role]), 403, 'FORBIDDEN');
        }
      });
    }
  });

  it('a token with several roles is allowed when any of them is', async () => {
    const both = await app.token('mixed-1', 'auditor', 'correspondent');
    const route = TABLE.find((r) => r.path.endsWith('/responses'))!;
    expect((await send(route, both)).status).toBe(400);
    const none = await app.token('nobody-1');
    expectError(await send(route, none), 403, 'FORBIDDEN');
    expectError(
      await send(
        TABLE.find((r) => r.method === 'GET')!,
        none,
      ),
      403,
      'FORBIDDEN',
    );
  });

  it('an auditor cannot call any command, even with a valid body', async () => {
    const auditor = new Http(app.url, tokens.auditor);
    const valid: Array<[string, string, unknown]> = [
      [
        'POST',
        '/cases',
        { channel: 'mail', complainant: { type: 'customer', id: 'CU-1' }, subject: 'x', body: 'y' },
      ],
      ['POST', '/staff', { staffId: 'X-1', name: 'X', roles: ['correspondent'], skillLevel: 1 }],
      [
        'PUT',
        '/standards',
        {
          firstResponseHours: { mail: 1, email: 1, web: 1, social: 1, phone: 1, chat: 1 },
          goodwillPctOfSalesGuideline: 1,
          goodwillPerGrantLimitCents: 1,
          refundLimitCents: 1,
        },
      ],
      [
        'POST',
        '/order-events',
        {
          events: [
            {
              eventId: '6f1c2a0e-5b7d-4c1e-9a31-0d2b8e4f7a10',
              type: 'OrderShipped',
              orderId: 'O-1',
              occurredAt: '2026-09-01T08:30:00.000Z',
            },
          ],
        },
      ],
      ['POST', `${NO_CASE}/satisfaction`, { rating: 'angry' }],
    ];
    for (const [method, path, body] of valid)
      expectError(await auditor.send(method, path, body), 403, 'FORBIDDEN');
    for (const route of TABLE.filter((r) => r.command))
      expectError(await send(route, tokens.auditor), 403, 'FORBIDDEN');
  });

  it.each(PUBLIC.map((p) => [p.path]))('%s answers 200 without a token and to every role', async (path) => {
    expect((await new Http(app.url).get(path)).status).toBe(200);
    expect((await new Http(app.url, badSignature).get(path)).status).toBe(200);
    for (const role of ROLES) expect((await new Http(app.url, tokens[role]).get(path)).status).toBe(200);
  });

  it('nothing in this file appended anything', async () => {
    expect(await app.store.headPosition()).toBe(headBefore);
  });
});
