import type { Pool } from 'pg';
import { latestDigest } from './digest-rows.js';

/**
 * The digests as /health and /metrics show them (a HealthContributor): the latest digest from the
 * table, so a standby process reports the active issuer's progress. Never makes the API unready:
 * commands do not wait for digests.
 */
export class DigestStatus {
  readonly name = 'log-digests';

  constructor(
    private readonly pool: Pool,
    private readonly issuer: { readonly isActive: boolean },
    private readonly keyId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async health(): Promise<{ ready: boolean } & Record<string, unknown>> {
    try {
      const latest = await latestDigest(this.pool);
      return {
        ready: true,
        status: this.issuer.isActive ? 'active' : 'standby',
        keyId: this.keyId,
        position: latest?.position ?? 0,
        eventCount: latest?.eventCount ?? 0,
        issuedAt: latest?.issuedAt ?? null,
      };
    } catch (error) {
      return { ready: true, status: 'unknown', error: (error as Error).message };
    }
  }

  async metrics(): Promise<string[]> {
    const latest = await latestDigest(this.pool).catch(() => null);
    const lines = [
      '# HELP caseledger_digest_position Global position covered by the latest signed log digest.',
      '# TYPE caseledger_digest_position gauge',
      `caseledger_digest_position ${latest?.position ?? 0}`,
      '# HELP caseledger_digest_age_seconds Seconds since the latest signed log digest was issued.',
      '# TYPE caseledger_digest_age_seconds gauge',
    ];
    if (latest)
      lines.push(
        `caseledger_digest_age_seconds ${Math.max(0, (this.now().getTime() - Date.parse(latest.issuedAt)) / 1000)}`,
      );
    return lines;
  }
}
