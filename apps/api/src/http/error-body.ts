/** The one error shape of the API (SPEC §4): `{ statusCode, code, message, details? }`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Codes for failures the spec names only by status. */
export const httpCodes: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export const errorBody = (statusCode: number, code: string, message: string, details?: unknown): ErrorBody =>
  details === undefined ? { statusCode, code, message } : { statusCode, code, message, details };
