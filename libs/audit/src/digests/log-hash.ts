import { hash } from 'node:crypto';

/** logHash₀ (SPEC §7.1): 64 zeros. */
export const EMPTY_LOG_HASH = '0'.repeat(64);

/** logHashₙ = SHA-256(logHashₙ₋₁ ‖ hashₙ), both 64 lower-case hex characters joined as text. */
export function extendLogHash(logHash: string, eventHash: string): string {
  return hash('sha256', logHash + eventHash, 'hex');
}
