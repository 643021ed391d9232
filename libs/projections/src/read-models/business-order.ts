/**
 * Business order of facts: by occurredAt, ties by global position. A fact recorded late but
 * back-dated sorts where it happened, which is what every "as of" question needs.
 */
export function happenedBefore(
  a: { at: string; position: number },
  b: { at: string; position: number },
): boolean {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  return ta < tb || (ta === tb && a.position < b.position);
}
