import type { NewEvent } from '#event-store';

/** One event of a generated log, with the stream and revision it belongs at. */
export interface GeneratedEvent {
  streamId: string;
  streamRevision: number;
  event: NewEvent;
}

/** mulberry32: a small seeded generator, so a generated log is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ['mail', 'email', 'phone', 'web', 'chat', 'social'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const RATINGS = ['delighted', 'satisfied', 'disappointed', 'annoyed', 'angry'];
const HOUR = 3_600_000;

/**
 * A department's log, realistic in shape (staff, standards, budgets, orders, cases with sorting,
 * assignment, responses, follow-ups, goodwill, refunds, resolutions, reopenings, ratings, repeat
 * contacts), about 14 events per case. Not every rule of the domain is checked: it feeds
 * projections, which trust the log.
 */
export function* generateDepartmentLog(options: {
  cases: number;
  seed?: number;
  start?: string;
  /** 4 hex digits that keep event, case and order ids of several generated logs apart. */
  idPrefix?: string;
  /** Shared by the logs appended to one database, so streams continue at their next revision. */
  revisions?: Map<string, number>;
  /** How many of the latest cases stay open (sorted and assigned, no response yet); a fifth by default. */
  openCases?: number;
}): Generator<GeneratedEvent> {
  const random = seeded(options.seed ?? 7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const prefix = (options.idPrefix ?? '0000').padStart(4, '0').slice(0, 4);
  const revisions = options.revisions ?? new Map<string, number>();
  const openCases = options.openCases ?? Math.ceil(options.cases * 0.2);
  let counter = 0;
  let clock = Date.parse(options.start ?? '2026-01-01T00:00:00.000Z');
  const event = (
    streamId: string,
    type: string,
    data: Record<string, unknown>,
    at: number,
  ): GeneratedEvent => {
    const streamRevision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, streamRevision + 1);
    const eventId = `${prefix}0000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;
    const metadata = {
      actorId: 'S-1',
      actorRoles: ['supervisor'],
      correlationId: eventId,
      causationId: eventId,
      standardsVersion: 2,
      schemaVersion: 1,
    };
    return {
      streamId,
      streamRevision,
      event: { eventId, type, occurredAt: new Date(at).toISOString(), data, metadata },
    };
  };
  const correspondents = Array.from({ length: 20 }, (_, i) => `C-${String(i + 1).padStart(2, '0')}`);
  const firstLog = !revisions.has('standards');
  for (const staffId of firstLog ? correspondents : []) {
    yield event(
      `staff-${staffId}`,
      'StaffMemberRegistered',
      {
        staffId,
        name: `Correspondent ${staffId}`,
        roles: ['correspondent'],
        skillLevel: 1 + Math.floor(random() * 5),
      },
      clock,
    );
  }
  if (firstLog)
    yield event(
      'standards',
      'ServiceStandardsSet',
      {
        version: 2,
        firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
        goodwillPctOfSalesGuideline: 0.5,
        goodwillPerGrantLimitCents: 5000,
        refundLimitCents: 50000,
      },
      clock,
    );
  for (let i = 0; i < options.cases; i++) {
    clock += Math.floor(random() * 10 * 60_000);
    const caseId = `K-${prefix}-${i}`;
    const orderId = `O-${prefix}-${i}`;
    const distributorId = `D-${Math.floor(random() * 500)}`;
    const assignee = pick(correspondents);
    const stream = `case-${caseId}`;
    const t = (hours: number) => clock + hours * HOUR;
    if (i % 500 === 0) {
      const month = new Date(clock).toISOString().slice(0, 7);
      for (const staffId of correspondents)
        yield event(
          `goodwill-${staffId}`,
          'GoodwillBudgetAllocated',
          { staffId, month, amountCents: 20_000, allocatedBy: 'S-1' },
          clock,
        );
    }
    yield event(
      `order-${orderId}`,
      'OrderPlaced',
      { orderId, distributorId, totalCents: 1000 + Math.floor(random() * 20_000) },
      t(-24),
    );
    if (random() < 0.05)
      yield event(`order-${orderId}`, 'OrderCancelled', { orderId, reason: 'changed mind' }, t(-12));
    yield event(
      stream,
      'ComplaintReceived',
      {
        caseId,
        channel: pick(CHANNELS),
        complainant: { type: 'distributor', id: distributorId },
        orderId,
        subject: `Order ${i}`,
        body: 'Something went wrong with my order.',
      },
      t(0),
    );
    yield event(
      stream,
      'CaseSorted',
      {
        caseId,
        category: 'product',
        complexity: 1 + Math.floor(random() * 5),
        priority: pick(PRIORITIES),
        sortedBy: 'S-1',
      },
      t(1),
    );
    yield event(stream, 'CaseAssigned', { caseId, assigneeId: assignee, reason: 'sort' }, t(1));
    if (random() < 0.1)
      yield event(stream, 'CaseContactRepeated', { caseId, channel: 'email', body: 'Any news?' }, t(2));
    if (i >= options.cases - openCases) continue; // the latest cases stay open
    yield event(
      stream,
      'ResponseSent',
      { caseId, channel: 'email', summary: 'We are on it.', respondedBy: assignee },
      t(3 + random() * 40),
    );
    const followUpId = `F-${i}`;
    yield event(
      stream,
      'FollowUpPromised',
      {
        caseId,
        followUpId,
        dueAt: new Date(t(72)).toISOString(),
        description: 'Call back',
        promisedBy: assignee,
      },
      t(44),
    );
    yield event(
      stream,
      'FollowUpCompleted',
      { caseId, followUpId, completedBy: assignee },
      t(48 + random() * 40),
    );
    if (random() < 0.3) {
      yield event(
        `goodwill-${assignee}`,
        'GoodwillGranted',
        {
          grantId: `G-${i}`,
          staffId: assignee,
          caseId,
          kind: random() < 0.5 ? 'credit' : 'product',
          amountCents: 500 + Math.floor(random() * 4000),
          reason: 'sorry',
          overBudget: false,
        },
        t(90),
      );
    }
    if (random() < 0.2)
      yield event(
        `order-${orderId}`,
        'RefundIssued',
        { refundId: `R-${i}`, orderId, caseId, amountCents: 500, reason: 'guarantee', issuedBy: assignee },
        t(91),
      );
    yield event(stream, 'CaseResolved', { caseId, resolution: 'Sorted out.', resolvedBy: assignee }, t(92));
    yield event(stream, 'SatisfactionRecorded', { caseId, rating: pick(RATINGS) }, t(100));
    if (random() < 0.05) {
      yield event(stream, 'CaseReopened', { caseId, reason: 'Not fixed' }, t(120));
      yield event(
        stream,
        'ResponseSent',
        { caseId, channel: 'phone', summary: 'Again, sorry.', respondedBy: assignee },
        t(121),
      );
      yield event(
        stream,
        'CaseResolved',
        { caseId, resolution: 'Fixed for real.', resolvedBy: assignee },
        t(130),
      );
    }
  }
}
