import type { NextFunction, Request, Response } from 'express';

/** Swagger UI's page loads its scripts from /docs (none inline) and has inline styles; nothing from elsewhere. */
const DOCS_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
/** Everything else is JSON or CSV: nothing to run, nothing to frame. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers every answer carries: no MIME sniffing (a CSV or JSON answer is never run as a script),
 * no framing, no referrer leaks, and a Content-Security-Policy (a loose one only for /docs).
 */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader(
    'Content-Security-Policy',
    request.path === '/docs' || request.path.startsWith('/docs/') ? DOCS_POLICY : API_POLICY,
  );
  next();
}
