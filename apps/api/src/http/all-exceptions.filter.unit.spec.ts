import type { ArgumentsHost } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter.js';

/** A host whose request has the id correlationId gave it (made or taken from a sane header). */
function hostFor(request: Record<string, unknown>) {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('AllExceptionsFilter', () => {
  it('logs a 500 with the request’s correlation id — the one it answered with, not a header the client sent', () => {
    const filter = new AllExceptionsFilter();
    const logged: unknown[] = [];
    (filter as unknown as { logger: { error: (entry: unknown) => void } }).logger = {
      error: (entry) => logged.push(entry),
    };
    const request = {
      url: '/cases',
      method: 'POST',
      path: '/cases',
      headers: { 'x-correlation-id': 'not sane <script>' },
      correlationId: 'c0ffee-1',
    };
    const { host, sent } = hostFor(request);
    filter.catch(new Error('boom'), host);
    expect(sent).toEqual({
      status: 500,
      body: {
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: 'An unexpected error occurred; it has been logged',
      },
    });
    expect(logged).toEqual([expect.objectContaining({ path: '/cases', correlationId: 'c0ffee-1' })]);
  });
});
