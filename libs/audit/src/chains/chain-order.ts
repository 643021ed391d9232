import type { ChainBreak } from '#event-store';

/**
 * The order in which breaks are compared: stream id by Unicode code points, then revision.
 * Code points, not the database's collation: an auditor's own script (Python sorts strings by code
 * point) must name the same first break as `GET /audit/verify`, whatever locale the server has.
 * UTF-8 byte order is code point order.
 */
export function compareChainPositions(
  a: Pick<ChainBreak, 'streamId' | 'streamRevision'>,
  b: Pick<ChainBreak, 'streamId' | 'streamRevision'>,
): number {
  if (a.streamId !== b.streamId)
    return Buffer.compare(Buffer.from(a.streamId, 'utf8'), Buffer.from(b.streamId, 'utf8'));
  return a.streamRevision - b.streamRevision;
}
