// SPEC §6 "Numbers": percentages, ratios and hours are rounded half away from zero to 2 decimals,
// once, from the exact value. Every input here is an integer (cents, counts, milliseconds), so the
// exact value is a fraction and BigInt arithmetic rounds it without any floating-point drift
// (0.145 as a double is 0.14499…, which Math.round would send the wrong way).

const MS_PER_HOUR = 3_600_000;

function assertInteger(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
}

/** numerator ÷ denominator rounded half away from zero to `decimals` places. */
function roundFraction(numerator: bigint, denominator: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  let n = numerator * scale;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  let q = magnitude / d;
  if (2n * (magnitude % d) >= d) q += 1n;
  return Number(negative ? -q : q) / Number(scale);
}

/** a ÷ b to 2 decimals; null when b is 0. */
export function ratio(a: number, b: number): number | null {
  if (b === 0) return null;
  return roundFraction(assertInteger(a, 'numerator'), assertInteger(b, 'denominator'), 2);
}

/** part ÷ whole × 100 to 2 decimals; null when whole is 0. */
export function percentage(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return roundFraction(assertInteger(part, 'part') * 100n, assertInteger(whole, 'whole'), 2);
}

/** Milliseconds as decimal hours, 2 decimals (durations are converted last). */
export function hoursFromMs(ms: number): number {
  return roundFraction(assertInteger(ms, 'milliseconds'), BigInt(MS_PER_HOUR), 2);
}

/** a ÷ b as a whole number, halves rounded up (away from zero): averageGrantCents. */
export function roundedQuotient(a: number, b: number): number | null {
  if (b === 0) return null;
  return roundFraction(assertInteger(a, 'numerator'), assertInteger(b, 'denominator'), 0);
}

/** Nearest rank: the value at index ceil(p/100 · n) − 1 of the sorted values; null over none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  // p and n are integers, so p·n/100 is exact whenever it is a whole number.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1];
}

/** Percentile of durations in ms, reported in hours. */
export function percentileHours(durationsMs: readonly number[], p: number): number | null {
  const value = percentile(durationsMs, p);
  return value === null ? null : hoursFromMs(value);
}
