import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * The browser console (apps/console, built by Vite into dist/console) at /console. Static files
 * need no token: the page asks for one and sends it with every API call. The policy keeps the page
 * to its own origin — no CDN, no inline script — so a pasted token can only go to this API.
 */
export function serveConsole(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, {
    prefix: '/console',
    index: 'index.html',
    setHeaders: (res, path) => {
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
      );
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
