import { z } from 'zod';
import type { ErrorCode } from '#domain';
import type { ApplicationErrorCode } from '#application';
import { httpCodes } from '../error-body.js';
import { applicationErrorStatus } from '../application-error-status.js';
import { domainErrorStatus } from '../domain-error-status.js';

/** Every `code` the API can answer, with its status: the domain's, the application's, the HTTP shell's. */
export const API_ERROR_STATUS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.entries(httpCodes).map(([status, code]) => [code, Number(status)])),
  ...applicationErrorStatus,
  ...domainErrorStatus,
  DATABASE_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  VERIFY_IN_PROGRESS: 429,
  DIGEST_NOT_FOUND: 404,
};

/** Codes of the HTTP shell (error-body.ts), for failures the spec names only by status. */
type ShellCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_ERROR'
  | 'DATABASE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'VERIFY_IN_PROGRESS'
  | 'DIGEST_NOT_FOUND';

export type ApiErrorCode = ErrorCode | ApplicationErrorCode | ShellCode;

/** The one error shape (SPEC §4), its `code` narrowed to what one status of one route can say. */
export const errorAnswer = (status: number, codes: string[]) =>
  z.strictObject({
    statusCode: z.literal(status),
    code: z.enum(codes as [string, ...string[]]),
    message: z.string().meta({ description: 'For people; never parse it' }),
    details: z
      .unknown()
      .optional()
      .meta({ description: 'VALIDATION_FAILED: [{ path, message }] for every offending field' }),
  });
