import {
  at,
  plusHours,
  Scenario,
  SUPERVISOR,
  twoDigits as id,
  type Rating,
  type Step,
} from './scenario-steps.js';

/** Chat cases with follow-ups, phone cases after the standards change, and the month's last days. */
export function secondHalf(s: Scenario): void {
  // F01–F08, chat (1 h window), received 09-(9+k) 09:00, complexity 5 urgent, answered after 30 min.
  // Each promises a follow-up an hour after receipt, due and completed as in this table (null: never).
  const followUps: Array<
    [assignee: string, due: string, completed: string | null, resolved: string | null, rating: Rating | null]
  > = [
    ['C-02', at(12, 12), at(12, 10), at(12, 11), 'delighted'], // F01 on time; resolved after 50 h
    ['C-02', at(13, 12), at(13, 12), at(13, 13), 'satisfied'], // F02 on time (at dueAt exactly); 52 h
    ['C-02', at(14, 12), at(15, 9), at(15, 10), 'annoyed'], // F03 late; 73 h
    ['C-02', at(20, 12), null, null, null], // F04 overdue at W
    ['C-03', at(22, 12), at(22, 8), at(22, 9), 'satisfied'], // F05 on time; 192 h
    ['C-03', at(25, 12), at(27, 12), at(27, 13), 'angry'], // F06 late; 292 h
    ['C-05', at(29, 12), at(29, 10), null, null], // F07 completed after W: pending at W
    ['C-05', at(30, 18), null, null, null], // F08 pending at W
  ];
  followUps.forEach(([by, dueAt, completed, resolved, rating], i) => {
    const caseId = id('F', i + 1);
    const received = at(10 + i, 9);
    const followUpId = `FU-${caseId}`;
    s.received(caseId, received, 'chat', { type: 'distributor', id: 'D-5' }).sorted(
      caseId,
      at(10 + i, 9, 10),
      5,
      'urgent',
      by,
    );
    s.add(
      { at: plusHours(received, 0.5), kind: 'respond', caseId, by },
      { at: plusHours(received, 1), kind: 'promise', caseId, followUpId, dueAt, by },
    );
    if (completed) s.add({ at: completed, kind: 'complete', caseId, followUpId, by });
    if (resolved)
      s.add(
        { at: resolved, kind: 'resolve', caseId, by },
        { at: plusHours(resolved, 1), kind: 'rate', caseId, rating: rating! },
      );
  });
  // A supervisor's follow-up (department figures only), overdue; one due in October (outside the period).
  s.add({
    at: at(14, 10),
    kind: 'promise',
    caseId: 'F04',
    followUpId: 'FU-F04-S',
    dueAt: at(26, 12),
    by: SUPERVISOR,
  });
  s.add({
    at: at(17, 11),
    kind: 'promise',
    caseId: 'F08',
    followUpId: 'FU-F08-B',
    dueAt: at(3, 12, 0, 10),
    by: 'C-05',
  });
  s.add({
    at: at(11, 12),
    kind: 'grant',
    grantId: 'G-5',
    caseId: 'F01',
    staffId: 'C-02',
    goodwill: 'product',
    amountCents: 5000,
    by: 'C-02',
    overBudget: false,
  });
  s.add({
    at: at(15, 12),
    kind: 'grant',
    grantId: 'G-6',
    caseId: 'F03',
    staffId: 'C-02',
    goodwill: 'credit',
    amountCents: 6000,
    by: SUPERVISOR,
    overBudget: true,
  });
  s.add({
    at: at(21, 12),
    kind: 'refund',
    refundId: 'R-3',
    caseId: 'F05',
    orderId: 'O-5',
    amountCents: 35000,
    by: SUPERVISOR,
  });

  // P01–P08, phone (2 h window under version 2), received 09-(15+k) 08:00, complexity 4 high, open at W.
  // P01–P04 (C-01) answered after 1 h, P05–P08 (C-04) after 3 h.
  for (let k = 1; k <= 8; k++) {
    const caseId = id('P', k);
    const received = at(15 + k, 8);
    const by = k <= 4 ? 'C-01' : 'C-04';
    s.received(caseId, received, 'phone', { type: 'distributor', id: 'D-4' }).sorted(
      caseId,
      plusHours(received, 0.5),
      4,
      'high',
      by,
    );
    s.add({ at: plusHours(received, k <= 4 ? 1 : 3), kind: 'respond', caseId, by });
  }
  // Repeat contacts: P01 once (high → urgent), P02 twice (→ urgent, then nothing to raise); P05 after W.
  const repeat = (caseId: string, when: string): Step => ({
    at: when,
    kind: 'repeat',
    caseId,
    channel: 'phone',
    complainant: { type: 'distributor', id: 'D-4' },
    subject: `Complaint ${caseId}`,
  });
  s.add(
    repeat('P01', at(16, 13)),
    repeat('P02', at(17, 13)),
    repeat('P02', at(17, 14)),
    repeat('P05', at(29, 9)),
  );
  s.sorted('P03', at(25, 9), 2, 'normal', 'C-01'); // re-triage, same assignee
  s.add({ at: at(26, 10), kind: 'assign', caseId: 'P04', assigneeId: 'C-05', reason: 'rebalance' });
  s.add({ at: at(29, 10), kind: 'assign', caseId: 'P03', assigneeId: 'C-02', reason: 'rebalance' }); // after W
  s.sorted('P01', at(29, 9, 30), 1, 'normal', 'C-01'); // after W
  s.add({
    at: at(16, 12),
    kind: 'grant',
    grantId: 'G-3',
    caseId: 'P01',
    staffId: 'C-01',
    goodwill: 'credit',
    amountCents: 1500,
    by: 'C-01',
    overBudget: false,
  });

  // U01–U04, web, 09-25 10:00–13:00: never sorted nor answered; their 12 h windows ended before W.
  for (let k = 1; k <= 4; k++)
    s.received(id('U', k), at(25, 9 + k), 'web', { type: 'customer', id: `V-${k}` });
  // S01–S02, social (2 h window), received just before W: assigned, not answered, not yet judged.
  s.received('S01', at(28, 11), 'social', { type: 'customer', id: 'Y-1' }).sorted(
    'S01',
    at(28, 11, 10),
    5,
    'urgent',
    'C-02',
  );
  s.received('S02', at(28, 11, 30), 'social', { type: 'customer', id: 'Y-2' }).sorted(
    'S02',
    at(28, 11, 40),
    1,
    'low',
    'C-05',
  );
  // X01–X02, received after W (in the goodwill period, not in the reports as of W).
  for (const [caseId, day] of [
    ['X01', 29],
    ['X02', 30],
  ] as const) {
    s.received(caseId, at(day, 9), 'email', { type: 'distributor', id: 'D-1' }).sorted(
      caseId,
      at(day, 10),
      2,
      'normal',
      'C-01',
    );
    s.add({ at: at(day, 11), kind: 'respond', caseId, by: 'C-01' });
  }
  s.add({
    at: at(29, 11, 30),
    kind: 'promise',
    caseId: 'X01',
    followUpId: 'FU-X01',
    dueAt: at(30, 12),
    by: 'C-01',
  });
  s.add({
    at: at(29, 12),
    kind: 'grant',
    grantId: 'G-9',
    caseId: 'X01',
    staffId: 'C-01',
    goodwill: 'credit',
    amountCents: 1000,
    by: 'C-01',
    overBudget: false,
  });

  // Goodwill and a refund on the E cases; G-10 falls on 10-01 00:00, the first instant after the period.
  s.add({
    at: at(3, 12),
    kind: 'grant',
    grantId: 'G-1',
    caseId: 'E02',
    staffId: 'C-01',
    goodwill: 'credit',
    amountCents: 2500,
    by: 'C-01',
    overBudget: false,
  });
  s.add({
    at: at(5, 12),
    kind: 'grant',
    grantId: 'G-2',
    caseId: 'E04',
    staffId: 'C-01',
    goodwill: 'product',
    amountCents: 4000,
    by: 'C-01',
    overBudget: false,
  });
  s.add({
    at: at(9, 12),
    kind: 'grant',
    grantId: 'G-4',
    caseId: 'E08',
    staffId: 'C-02',
    goodwill: 'credit',
    amountCents: 3000,
    by: 'C-02',
    overBudget: false,
  });
  s.add({
    at: at(1, 0, 0, 10),
    kind: 'grant',
    grantId: 'G-10',
    caseId: 'E10',
    staffId: 'C-02',
    goodwill: 'credit',
    amountCents: 500,
    by: SUPERVISOR,
    overBudget: true,
  });
  s.add({
    at: at(1, 9, 0, 10),
    kind: 'refund',
    refundId: 'R-4',
    caseId: 'E12',
    orderId: 'O-3',
    amountCents: 10000,
    by: 'C-02',
  });
}
