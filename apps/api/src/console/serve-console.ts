import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';

/** How the console signs people in: where roles are in a token, and the identity provider if there is one. */
export interface ConsoleSignIn {
  /** AUTH_ROLES_CLAIM: the console reads roles where the API does (for display; the API decides). */
  rolesClaim: string;
  /** AUTH_ISSUER and CONSOLE_OIDC_CLIENT_ID: an OpenID Connect login (authorization code + PKCE). */
  oidc?: { issuer: string; clientId: string };
}

/**
 * The browser console (apps/console, built by Vite into dist/console) at /console. Static files
 * need no token: the page asks for one and sends it with every API call. The policy keeps the page
 * to its own origin — no CDN, no inline script — so a token can only go to this API; with an
 * identity provider configured, also to that provider (discovery and token endpoints), and no further.
 */
export function serveConsole(app: NestExpressApplication, dir: string, signIn: ConsoleSignIn): void {
  const provider = signIn.oidc ? ` ${new URL(signIn.oidc.issuer).origin}` : '';
  const policy = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'${provider}; frame-ancestors 'none'`;
  // What the sign-in page needs before anyone is signed in: public, and nothing secret in it.
  app.use('/console/sign-in.json', (request: Request, response: Response, next: () => void) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.json({ rolesClaim: signIn.rolesClaim, oidc: signIn.oidc ?? null });
  });
  app.useStaticAssets(dir, {
    prefix: '/console',
    index: 'index.html',
    setHeaders: (res, path) => {
      res.setHeader('Content-Security-Policy', policy);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      // Hashed asset names never change content; the page itself is always asked for again.
      res.setHeader(
        'Cache-Control',
        path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
}
