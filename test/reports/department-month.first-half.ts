import {
  at,
  plusHours,
  SUPERVISOR,
  type Rating,
  type Scenario,
  type Step,
  twoDigits as id,
} from './scenario-steps.js';

// The facts of department-month.scenario.ts; the comments say which figures of
// department-month.figures.ts they make. W = 2026-09-28 12:00 is the asOf of the reports.

/** Staff, standards, budgets, orders, and the cases of the first half of the month. */
export function firstHalf(s: Scenario): void {
  // Staff, registered 08-01 (C-05 joins on 09-15); C-02 → skill 5 on 09-10; C-04 leaves on 09-24;
  // C-03 → skill 4 on 09-29 (after W: the workload still shows 3).
  s.add({
    at: at(1, 8, 0, 8),
    kind: 'registerStaff',
    staffId: SUPERVISOR,
    name: 'Sam Okafor',
    roles: ['supervisor'],
    skillLevel: 5,
  });
  for (const [staffId, name, skillLevel] of [
    ['C-01', 'Ada Brandt', 5],
    ['C-02', 'Ben Castillo', 4],
    ['C-03', 'Cleo Duarte', 3],
    ['C-04', 'Dev Ekwueme', 4],
  ] as const) {
    s.add({ at: at(1, 8, 0, 8), kind: 'registerStaff', staffId, name, roles: ['correspondent'], skillLevel });
  }
  s.add({
    at: at(15, 8),
    kind: 'registerStaff',
    staffId: 'C-05',
    name: 'Eve Fischer',
    roles: ['correspondent'],
    skillLevel: 2,
  });
  s.add({ at: at(10), kind: 'changeStaff', staffId: 'C-02', skillLevel: 5 });
  s.add({ at: at(24), kind: 'changeStaff', staffId: 'C-04', active: false });
  s.add({ at: at(29), kind: 'changeStaff', staffId: 'C-03', skillLevel: 4 });

  // Standards version 2 from 09-15 00:00: windows halved (phone 2 h, web 12 h, social 2 h; chat stays 1 h), guideline 0.4 %.
  s.add({
    at: at(15),
    kind: 'setStandards',
    firstResponseHours: { mail: 24, email: 12, web: 12, social: 2, phone: 2, chat: 1 },
    goodwillPctOfSalesGuideline: 0.4,
    goodwillPerGrantLimitCents: 4000,
    refundLimitCents: 30000,
  });

  // Budgets: September C-01 20 000, C-02 10 000 + 5 000, C-04 3 000; C-03 August only; C-05 October only.
  s.add({
    at: at(1, 10, 0, 8),
    kind: 'allocateBudget',
    staffId: 'C-03',
    month: '2026-08',
    amountCents: 7000,
  });
  for (const [staffId, amountCents] of [
    ['C-01', 20000],
    ['C-02', 10000],
    ['C-04', 3000],
  ] as const)
    s.add({ at: at(31, 10, 0, 8), kind: 'allocateBudget', staffId, month: '2026-09', amountCents });
  s.add({ at: at(16, 9), kind: 'allocateBudget', staffId: 'C-02', month: '2026-09', amountCents: 5000 });
  s.add({ at: at(30, 10), kind: 'allocateBudget', staffId: 'C-05', month: '2026-10', amountCents: 9999 });

  // Orders. Placed in September: 996 000; cancelled in September: O-6 50 000 and O-A 90 000 (placed in August).
  const place = (orderId: string, when: string, distributorId: string, totalCents: number): Step => ({
    at: when,
    kind: 'orderPlaced',
    orderId,
    distributorId,
    totalCents,
  });
  s.add(place('O-A', at(20, 8, 0, 8), 'D-2', 90000), {
    at: at(10, 8),
    kind: 'orderCancelled',
    orderId: 'O-A',
  });
  s.add(place('O-M05', at(30, 8, 0, 8), 'D-3', 8000), place('O-M03', at(1), 'D-3', 6000));
  s.add(place('O-1', at(2, 8), 'D-1', 200000), {
    at: at(15, 8),
    kind: 'orderReturned',
    orderId: 'O-1',
    amountCents: 20000,
  });
  s.add(
    place('O-3', at(5, 8), 'D-2', 150000),
    place('O-4', at(6, 8), 'D-3', 80000),
    place('O-5', at(12, 8), 'D-5', 300000),
  );
  s.add(place('O-6', at(18, 8), 'D-5', 50000), { at: at(25, 8), kind: 'orderCancelled', orderId: 'O-6' });
  s.add(place('O-2', at(20, 8), 'D-1', 100000), place('O-8', at(25, 8), 'D-2', 40000), {
    at: at(2, 8, 0, 10),
    kind: 'orderCancelled',
    orderId: 'O-8',
  });
  s.add(place('O-7', '2026-09-30T23:59:59.999Z', 'D-4', 70000), place('O-B', at(1, 0, 0, 10), 'D-1', 60000));
  // B01–B04, received in August, still open at W. B04 assigned by hand to C-01, never sorted.
  for (let k = 1; k <= 4; k++) {
    const caseId = id('B', k);
    const received = at(24 + k, 9, 0, 8);
    s.received(caseId, received, 'mail', { type: 'distributor', id: 'D-2' });
    if (k < 4) s.sorted(caseId, plusHours(received, 1), 1, 'normal', k < 3 ? 'C-03' : 'C-02');
    else s.add({ at: plusHours(received, 1), kind: 'assign', caseId, assigneeId: 'C-01', reason: 'manual' });
  }
  s.add({
    at: at(29, 12, 0, 8),
    kind: 'grant',
    grantId: 'G-11',
    caseId: 'B01',
    staffId: 'C-03',
    goodwill: 'credit',
    amountCents: 700,
    by: 'C-03',
    overBudget: false,
  });

  // E01–E12, email, received 09-k 09:00: answered after 6 h (within 24 h), resolved after 30 h.
  const eRatings: Rating[] = [
    'delighted',
    'delighted',
    'delighted',
    'delighted',
    'satisfied',
    'satisfied',
    'satisfied',
    'satisfied',
    'satisfied',
    'satisfied',
    'disappointed',
    'angry',
  ];
  for (let k = 1; k <= 12; k++) {
    const caseId = id('E', k);
    const received = at(k, 9);
    const by = k <= 6 ? 'C-01' : 'C-02';
    s.received(caseId, received, 'email', { type: 'distributor', id: k <= 6 ? 'D-1' : 'D-2' });
    s.sorted(caseId, plusHours(received, 1), 2, 'normal', by);
    s.add(
      { at: plusHours(received, 6), kind: 'respond', caseId, by },
      { at: plusHours(received, 30), kind: 'resolve', caseId, by },
    );
    s.add({ at: plusHours(received, 40), kind: 'rate', caseId, rating: eRatings[k - 1] });
  }

  // M01–M10, mail, received 09-(k+1) 14:00, all C-03: answered after 50 h (late for 48 h), resolved
  // after 60 h. M01 reopened and resolved again; M02 reopened and still open at W.
  const mRatings: Rating[] = [
    'annoyed',
    'angry',
    'disappointed',
    'disappointed',
    'disappointed',
    'disappointed',
    'satisfied',
    'satisfied',
    'satisfied',
    'satisfied',
  ];
  for (let k = 1; k <= 10; k++) {
    const caseId = id('M', k);
    const received = at(k + 1, 14);
    s.received(caseId, received, 'mail', { type: 'customer', id: `U-${k}` }, k <= 5 ? 'D-3' : undefined);
    s.sorted(caseId, plusHours(received, 2), 3, 'low', 'C-03');
    s.add(
      { at: plusHours(received, 50), kind: 'respond', caseId, by: 'C-03' },
      { at: plusHours(received, 60), kind: 'resolve', caseId, by: 'C-03' },
    );
    s.add({ at: plusHours(received, 70), kind: 'rate', caseId, rating: mRatings[k - 1] });
    if (k <= 2)
      s.add(
        { at: plusHours(received, 80), kind: 'reopen', caseId, by: 'C-03' },
        { at: plusHours(received, 82), kind: 'respond', caseId, by: 'C-03' },
      );
    if (k === 1)
      s.add(
        { at: plusHours(received, 90), kind: 'resolve', caseId, by: 'C-03' },
        { at: plusHours(received, 95), kind: 'rate', caseId, rating: 'satisfied' },
      );
  }
  s.add({
    at: plusHours(at(4, 14), 20),
    kind: 'refund',
    refundId: 'R-2',
    caseId: 'M03',
    orderId: 'O-M03',
    amountCents: 1500,
    by: 'C-03',
  });
  s.add({
    at: plusHours(at(6, 14), 55),
    kind: 'refund',
    refundId: 'R-1',
    caseId: 'M05',
    orderId: 'O-M05',
    amountCents: 2000,
    by: 'C-03',
  });
  s.add({
    at: at(7, 12),
    kind: 'grant',
    grantId: 'G-7',
    caseId: 'M03',
    staffId: 'C-03',
    goodwill: 'credit',
    amountCents: 1000,
    by: SUPERVISOR,
    overBudget: true,
  });

  // K01–K02, web, customers without distributor, C-04: answered after 4 h (within 24 h), resolved after 48 h.
  for (const [caseId, hour] of [
    ['K01', 9],
    ['K02', 10],
  ] as const) {
    const received = at(8, hour);
    s.received(caseId, received, 'web', { type: 'customer', id: `W-${caseId}` });
    s.sorted(caseId, plusHours(received, 1), 2, 'normal', 'C-04');
    s.add(
      { at: plusHours(received, 4), kind: 'respond', caseId, by: 'C-04' },
      { at: plusHours(received, 48), kind: 'resolve', caseId, by: 'C-04' },
    );
  }
  s.add({ at: plusHours(at(8, 10), 50), kind: 'rate', caseId: 'K02', rating: 'disappointed' });
  s.add({
    at: at(10, 9),
    kind: 'grant',
    grantId: 'G-8',
    caseId: 'K01',
    staffId: 'C-04',
    goodwill: 'credit',
    amountCents: 2000,
    by: 'C-04',
    overBudget: false,
  });
}
