import { randomUUID } from 'node:crypto';
import { Http, type Reply } from './http.js';
import type { TestApp } from './test-app.js';

/**
 * Small builders for the end-to-end tests of the HTTP API (test/api): callers with tokens,
 * complaint bodies, upstream order events, and the assertions every test makes about an error.
 */

/** An HTTP client acting as `sub` with `roles` (the token is signed with the test app's secret). */
export async function caller(app: TestApp, sub: string, ...roles: string[]): Promise<Http> {
  return new Http(app.url).as(await app.token(sub, ...roles));
}

let complainantSeq = 0;

/** A complaint body; each call names a fresh distributor unless `complainant` is given. */
export function complaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  complainantSeq += 1;
  return {
    channel: 'mail',
    complainant: { type: 'distributor', id: `D-${process.pid}-${complainantSeq}` },
    subject: 'Broken lid',
    body: 'The lid of my blender arrived cracked.',
    ...overrides,
  };
}

export const sortBody = (complexity: number, extra: Record<string, unknown> = {}) => ({
  category: 'product',
  complexity,
  priority: 'normal',
  ...extra,
});

/** An upstream order event as `POST /order-events` takes it (SPEC §5). */
export function orderEvent(
  type: string,
  orderId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { eventId: randomUUID(), type, orderId, occurredAt: '2026-09-01T08:30:00.000Z', ...extra };
}

export const orderPlaced = (orderId: string, totalCents: number, extra: Record<string, unknown> = {}) =>
  orderEvent('OrderPlaced', orderId, { distributorId: 'D-17', totalCents, ...extra });

/** `{ status, code }` of a reply, for one readable `toEqual` on failure. */
export const outcome = (reply: Reply) => ({
  status: reply.status,
  code: (reply.body as { code?: unknown } | undefined)?.code,
});

/** The reply is the error `{ statusCode, code, message, details? }` with this status and code, and nothing else. */
export function expectError(reply: Reply, status: number, code: string): void {
  expect(outcome(reply)).toEqual({ status, code });
  expect(reply.body).toEqual(
    expect.objectContaining({ statusCode: status, code, message: expect.any(String) }),
  );
  const allowed = ['statusCode', 'code', 'message', 'details'];
  expect(Object.keys(reply.body as object).filter((k) => !allowed.includes(k))).toEqual([]);
}

/** Paths named in a VALIDATION_FAILED answer's details. */
export const detailPaths = (reply: Reply): string[] =>
  Array.isArray((reply.body as { details?: unknown }).details)
    ? (reply.body as { details: Array<{ path: string }> }).details.map((d) => d.path)
    : [];

/**
 * Runs a request that must be refused with `status` / `code`, and checks that it appended nothing
 * (the log's head position is the same before and after).
 */
export async function refused(
  app: TestApp,
  request: () => Promise<Reply>,
  status: number,
  code: string,
): Promise<Reply> {
  const before = await app.store.headPosition();
  const reply = await request();
  expectError(reply, status, code);
  expect(await app.store.headPosition()).toBe(before);
  return reply;
}

/** Runs a request and expects `status`; shows the body when it is not. */
export function expectStatus(reply: Reply, status: number): void {
  if (reply.status !== status)
    throw new Error(`Expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
}

/** ISO-8601 UTC with three fractional digits, `ms` from now. */
export const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

export const MINUTE = 60_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
