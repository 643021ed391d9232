import type { Ajv2020 } from 'ajv/dist/2020.js';
import { Http, type Reply } from '../support/http.js';
import { caller, complaint, orderPlaced, sortBody } from '../support/api-fixtures.js';
import { answerValidator, documentProblems, operations, schemaCompiler } from '../support/openapi-checks.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The OpenAPI document served at /docs-json (issue 17): valid OpenAPI 3.1 by a kept validator
 * (swagger-parser) and strict JSON Schema 2020-12, every route the app serves documented, and
 * what each route answers to a valid request — its status and its body — is what the document
 * says. Tools (the API fuzzer, client generators) read this document; it must not drift.
 */
describe('the OpenAPI document (/docs-json)', () => {
  let app: TestApp;
  let doc: any;
  let ajv: Ajv2020;
  let served: string[];

  beforeAll(async () => {
    // Digests every second, so the commands below are covered by one before the test reads it.
    app = await startTestApp({ env: { AUDIT_DIGEST_SECONDS: '1' } });
    doc = (await new Http(app.url).get('/docs-json')).body;
    ajv = schemaCompiler();
    served = servedRoutes(app);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('is valid OpenAPI 3.1, documents every served route, and says all an operation must say', async () => {
    expect(served.length).toBeGreaterThanOrEqual(26);
    expect(await documentProblems(doc, served)).toEqual([]);
  });

  it('the checks catch a broken document (they can fail)', async () => {
    const broken = structuredClone(doc);
    delete broken.paths['/cases/{id}/sort'];
    delete broken.paths['/cases'].post.summary;
    broken.paths['/staff'].post.responses['201'].content[
      'application/json'
    ].schema.properties.staffId.nullable = true;
    broken.paths['/standards'].put.requestBody.content[
      'application/json'
    ].schema.properties.refundLimitCents.exclusiveMinimum = true;
    broken.paths['/cases/{id}'].get.parameters.push({ $ref: '#/components/parameters/NoSuchParameter' });
    broken.paths['/cases/{id}/assign'].post.requestBody.content['application/json'].example.reason =
      'boredom';
    const problems = await documentProblems(broken, served);
    expect(problems).toEqual(
      expect.arrayContaining([
        'POST /cases/{id}/sort is served but not documented',
        'POST /cases: no summary',
        expect.stringMatching(
          /^POST \/staff 201 application\/json: strict mode: unknown keyword: "nullable"/,
        ),
        expect.stringMatching(
          /^PUT \/standards request application\/json: schema is invalid: .*exclusiveMinimum must be number/,
        ),
        expect.stringMatching(/^swagger-parser: .*NoSuchParameter/),
        'POST /cases/{id}/assign: the request example is invalid: data/reason must be equal to one of the allowed values',
      ]),
    );
  });

  it('declares the headers, the servers and which routes are public', () => {
    const byRoute = Object.fromEntries(operations(doc).map((o) => [o.route, o.op]));
    const headers = (route: string) => (byRoute[route].parameters as any[]).map((p) => p.name);
    expect(headers('POST /cases')).toEqual(expect.arrayContaining(['X-Correlation-Id', 'Idempotency-Key']));
    expect(headers('GET /cases/{id}')).toEqual(['id', 'asOf', 'X-Correlation-Id']);
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    const publicRoutes = operations(doc)
      .filter((o) => o.op.security.length === 0)
      .map((o) => o.route);
    // The digests' public keys are for anyone handed a digest (SPEC §7.1), as a JWK set is.
    expect(publicRoutes.sort()).toEqual([
      'GET /audit/public-keys',
      'GET /docs',
      'GET /docs-json',
      'GET /health',
      'GET /metrics',
    ]);
  });

  it('types every query parameter from its zod schema', () => {
    const query = (route: string) =>
      Object.fromEntries(
        operations(doc)
          .find((o) => o.route === route)!
          .op.parameters.filter((p: any) => p.in === 'query')
          .map((p: any) => [p.name, { required: p.required, schema: p.schema }]),
      );
    expect(query('GET /audit/events').limit).toEqual({
      required: false,
      schema: expect.objectContaining({ type: 'string', pattern: '^\\d{1,16}$' }),
    });
    expect(query('GET /reports/goodwill').from.required).toBe(true);
    expect(query('GET /reports/goodwill').minPosition.required).toBe(false);
    expect(Object.keys(query('GET /reports/follow-through')).sort()).toEqual([
      'asOf',
      'from',
      'minPosition',
      'to',
    ]);
    expect(query('GET /cases/{id}').asOf.schema.type).toBe('string');
  });

  it('answers 401 without a token exactly on the routes that are not documented public', async () => {
    const anonymous = new Http(app.url);
    const answers = await Promise.all(
      operations(doc).map(async ({ route, method, path, op }) => {
        const reply = await anonymous.send(
          method.toUpperCase(),
          path.replace(/\{(\w+)\}/g, 'X-1'),
          method === 'get' ? undefined : {},
        );
        return { route, documentedPublic: op.security.length === 0, answered401: reply.status === 401 };
      }),
    );
    expect(answers.filter((a) => a.documentedPublic === a.answered401)).toEqual([]);
  });

  describe('every route answers a valid request with a documented status and body', () => {
    const seen = new Map<string, Set<number>>();
    const month = new Date().toISOString().slice(0, 7);
    let admin: Http;

    /** Sends the request and checks the status is the expected one, documented, and the body matches. */
    async function expectAnswer(
      route: string,
      params: Record<string, string>,
      status: number,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Reply> {
      const [method, template] = route.split(' ') as [string, string];
      const path =
        template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!)) +
        (params.query ?? '');
      const reply = await admin.send(method, path, body, headers);
      expect({ route, status: reply.status }).toEqual({ route, status });
      const op = operations(doc).find((o) => o.route === route)?.op;
      const type = (reply.headers.get('content-type') ?? '').split(';')[0]!;
      const validate = answerValidator(ajv, op, status, type);
      expect({ route, status, type, documented: validate !== undefined }).toEqual({
        route,
        status,
        type,
        documented: true,
      });
      const parsed = type === 'application/json' ? reply.body : String(reply.body ?? '');
      if (!validate!(parsed))
        throw new Error(
          `${route} ${status}: the answer is not the documented one: ${ajv.errorsText(validate!.errors)}\n${JSON.stringify(reply.body)}`,
        );
      if (!seen.has(route)) seen.set(route, new Set());
      seen.get(route)!.add(status);
      return reply;
    }

    beforeAll(async () => {
      admin = await caller(app, 'ADMIN', 'admin');
    });

    it('commands: 201 when they create, 200 otherwise (SPEC §4), each body as documented', async () => {
      await expectAnswer('POST /staff', {}, 201, {
        staffId: 'C-1',
        name: 'Casey Lee',
        roles: ['correspondent'],
        skillLevel: 3,
      });
      await expectAnswer('PATCH /staff/{staffId}', { staffId: 'C-1' }, 200, { skillLevel: 4 });
      await expectAnswer('PUT /standards', {}, 200, {
        firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
        goodwillPctOfSalesGuideline: 0.5,
        goodwillPerGrantLimitCents: 5000,
        refundLimitCents: 50000,
      });
      await expectAnswer('POST /goodwill-budgets', {}, 201, { staffId: 'C-1', month, amountCents: 20_000 });
      await expectAnswer('POST /order-events', {}, 200, { events: [orderPlaced('O-1', 12_900)] });
      const letter = complaint();
      const id = (await expectAnswer('POST /cases', {}, 201, letter)).body.caseId;
      expect((await expectAnswer('POST /cases', {}, 200, letter)).body.repeatOf).toBe(id);
      await expectAnswer('POST /cases/{id}/sort', { id }, 200, sortBody(2));
      await expectAnswer('POST /cases/{id}/assign', { id }, 200, { assigneeId: 'C-1', reason: 'manual' });
      await expectAnswer('POST /cases/{id}/responses', { id }, 200, {
        channel: 'email',
        summary: 'A new lid is on its way.',
      });
      const dueAt = new Date(Date.now() + 86_400_000).toISOString();
      const fid = (
        await expectAnswer('POST /cases/{id}/follow-ups', { id }, 201, { dueAt, description: 'Call back' })
      ).body.followUpId;
      await expectAnswer('POST /cases/{id}/follow-ups/{fid}/complete', { id, fid }, 200, {});
      await expectAnswer('POST /cases/{id}/goodwill', { id }, 201, {
        kind: 'credit',
        amountCents: 2500,
        reason: 'Sorry',
        staffId: 'C-1',
      });
      await expectAnswer('POST /cases/{id}/refunds', { id }, 201, {
        orderId: 'O-1',
        amountCents: 4999,
        reason: 'Money back',
      });
      await expectAnswer('POST /cases/{id}/resolve', { id }, 200, { resolution: 'Lid replaced' });
      await expectAnswer('POST /cases/{id}/satisfaction', { id }, 200, { rating: 'satisfied' });
      const reopened = await expectAnswer(
        'POST /cases/{id}/reopen',
        { id },
        200,
        { reason: 'Cracked again' },
        { 'Idempotency-Key': 'k-1' },
      );
      await expectAnswer('GET /cases/{id}', { id }, 200);
      await expectAnswer(
        'GET /cases/{id}',
        { id, query: `?asOf=${encodeURIComponent(new Date().toISOString())}` },
        200,
      );
      await expectAnswer('GET /cases/{id}/history', { id }, 200);
      const minPosition = `minPosition=${reopened.body.globalPosition}`;
      await expectAnswer('GET /reports/rep-workload', { query: `?${minPosition}` }, 200);
      await expectAnswer('GET /reports/rep-workload', { query: `?${minPosition}` }, 200, undefined, {
        Accept: 'text/csv',
      });
      await expectAnswer(
        'GET /reports/goodwill',
        { query: `?from=${month}-01&to=${Number(month.slice(0, 4)) + 2}-01-01&${minPosition}` },
        200,
      );
      await expectAnswer(
        'GET /reports/follow-through',
        { query: `?from=${month}-01&to=${Number(month.slice(0, 4)) + 2}-01-01&${minPosition}` },
        200,
      );
      await expectAnswer('GET /audit/verify', {}, 200);
      await expectAnswer('GET /audit/verify/progress', {}, 200);
      await expectAnswer('GET /audit/events', { query: '?limit=5' }, 200);
      // The console's reads, from the read models once they have caught up.
      await expectAnswer('GET /cases', { query: `?status=open&${minPosition}` }, 200);
      await expectAnswer('GET /standards', { query: `?${minPosition}` }, 200);
      await expectAnswer(
        'GET /goodwill-budgets/{staffId}/{month}',
        { staffId: 'C-1', month, query: `?${minPosition}` },
        200,
      );
      // SPEC §7.1: the issuer signs a digest within a second or two of the last command.
      const deadline = Date.now() + 15_000;
      while ((await admin.get('/audit/digests/latest')).status === 404 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      await expectAnswer('GET /audit/digests/latest', {}, 200);
      await expectAnswer('GET /audit/digests', {}, 200);
      await expectAnswer('GET /audit/public-keys', {}, 200);
      for (const route of ['GET /health', 'GET /metrics', 'GET /docs', 'GET /docs-json'])
        await expectAnswer(route, {}, 200);
    }, 60_000);

    it('refusals answer the documented error shape with a documented code', async () => {
      const refusal = async (
        route: string,
        params: Record<string, string>,
        status: number,
        code: string,
        body?: unknown,
        as = admin,
      ) => {
        const [method, template] = route.split(' ') as [string, string];
        const reply = await as.send<any>(
          method,
          template.replace(/\{(\w+)\}/g, (_, n: string) => params[n]!),
          body,
        );
        const op = operations(doc).find((o) => o.route === route)!.op;
        expect({ route, status: reply.status, code: reply.body.code }).toEqual({ route, status, code });
        const validate = answerValidator(ajv, op, status)!;
        if (!validate(reply.body))
          throw new Error(
            `${route} ${status}: ${ajv.errorsText(validate.errors)} ${JSON.stringify(reply.body)}`,
          );
      };
      await refusal('GET /cases/{id}', { id: 'no-such-case' }, 404, 'CASE_NOT_FOUND');
      await refusal('POST /cases', {}, 400, 'VALIDATION_FAILED', { channel: 'fax' });
      await refusal('POST /cases/{id}/resolve', { id: 'no-such-case' }, 404, 'CASE_NOT_FOUND', {
        resolution: 'x',
      });
      await refusal('POST /staff', {}, 409, 'STAFF_EXISTS', {
        staffId: 'C-1',
        name: 'Again',
        roles: ['correspondent'],
        skillLevel: 3,
      });
      await refusal('GET /audit/verify', {}, 401, 'UNAUTHENTICATED', undefined, new Http(app.url));
      await refusal('GET /audit/verify', {}, 403, 'FORBIDDEN', undefined, await caller(app, 'I-1', 'intake'));
      await refusal('GET /reports/goodwill', {}, 400, 'VALIDATION_FAILED');
    });

    it('every documented success status was answered by its route', () => {
      const unseen = operations(doc).flatMap(({ route, op }) =>
        Object.keys(op.responses)
          .filter((s) => /^2/.test(s) && !seen.get(route)?.has(Number(s)))
          .map((s) => `${route} ${s}`),
      );
      expect(unseen).toEqual([]);
    });
  });
});

/** `METHOD /path/{param}` of every route the Express app serves, Swagger UI's assets aside. */
function servedRoutes(app: TestApp): string[] {
  const router = (app.app.getHttpAdapter().getInstance() as any).router;
  return (router.stack as any[])
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${String(layer.route.path).replace(/:(\w+)/g, '{$1}')}`),
    )
    .filter((route) => !/^GET \/docs\/.+/.test(route))
    .map((route) => (route === 'GET /docs/' ? 'GET /docs' : route));
}
