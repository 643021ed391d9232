import { DEFAULT_RATE_LIMIT_BURST, DEFAULT_RATE_LIMIT_PER_SECOND, RATE_LIMIT_IDLE_MS } from '#config';
import type { NextFunction, Response } from 'express';
import type { CallerRequest } from '../auth/caller.js';
import { errorBody } from './error-body.js';

export interface RateLimit {
  /** Requests a caller may make per second, on average (RATE_LIMIT_PER_SECOND); 0 turns the limit off. */
  perSecond: number;
  /** Requests a caller may make at once after a quiet spell (RATE_LIMIT_BURST). */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = {
  perSecond: DEFAULT_RATE_LIMIT_PER_SECOND,
  burst: DEFAULT_RATE_LIMIT_BURST,
};

/**
 * A token bucket per authenticated caller (`sub`): one caller, or one stolen token, cannot take the
 * server from everyone else. Past the rate → 429 RATE_LIMITED with `Retry-After` (seconds until a
 * request is allowed again), before the body is read. Requests without a valid token are not
 * counted here: they cost a header check and are answered 401; per-address limits belong to the
 * reverse proxy (README, Security).
 */
export function rateLimit(limit: RateLimit, now: () => number = () => performance.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let swept = now();
  return (request: CallerRequest, response: Response, next: NextFunction): void => {
    const sub = request.claims?.sub;
    if (limit.perSecond <= 0 || sub === undefined) return next();
    const at = now();
    if (at - swept > RATE_LIMIT_IDLE_MS) {
      for (const [key, bucket] of buckets) if (at - bucket.at > RATE_LIMIT_IDLE_MS) buckets.delete(key);
      swept = at;
    }
    const bucket = buckets.get(sub) ?? { tokens: limit.burst, at };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((at - bucket.at) / 1000) * limit.perSecond);
    bucket.at = at;
    buckets.set(sub, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
    response.setHeader('Retry-After', String(retryAfter));
    response
      .status(429)
      .json(
        errorBody(
          429,
          'RATE_LIMITED',
          `More than ${limit.perSecond} requests a second (burst ${limit.burst}) from this caller; retry after ${retryAfter} s`,
        ),
      );
  };
}
