import { get, getCsv, query, withMinPosition } from '../api.js';
import { barChart, lineChart } from '../chart.js';
import { h, replace } from '../dom.js';
import {
  cents,
  day,
  download,
  fromLocalInput,
  hours,
  num,
  pct,
  startOfMonth,
  startOfNextMonth,
  toLocalInput,
} from '../format.js';
import { cell, figure, figureList, table } from './figures.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- report answers are read as the API documents them */
type Report = any;

/** Up to six periods of about a week covering [from, to): the follow-through rate over time. */
function weeks(from: string, to: string): Array<[string, string]> {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const step = Math.max(7 * 86_400_000, Math.ceil((end - start) / 6 / 86_400_000) * 86_400_000);
  const out: Array<[string, string]> = [];
  for (let t = start; t < end; t += step)
    out.push([new Date(t).toISOString(), new Date(Math.min(t + step, end)).toISOString()]);
  return out;
}

function pickers(from: string, to: string, asOf: string | undefined): HTMLElement {
  const form = h(
    'form',
    { class: 'pickers', 'aria-label': 'Period and as-of instant' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'from' }, 'From (UTC)'),
      h('input', { id: 'from', name: 'from', type: 'datetime-local', value: toLocalInput(from) }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'to' }, 'To, excluded (UTC)'),
      h('input', { id: 'to', name: 'to', type: 'datetime-local', value: toLocalInput(to) }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'asOf' }, 'As of (UTC, empty = now)'),
      h('input', { id: 'asOf', name: 'asOf', type: 'datetime-local', value: asOf ? toLocalInput(asOf) : '' }),
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    location.hash = `#/department${query({ from: fromLocalInput(value('from')), to: fromLocalInput(value('to')), asOf: fromLocalInput(value('asOf')) })}`;
  });
  return form;
}

function csvButton(label: string, name: string, path: string): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'data-csv': name,
      onclick: async () => download(`${name}.csv`, await getCsv(path)),
    },
    label,
  );
}

function workloadSection(report: Report, path: string): HTMLElement {
  const d = report.department;
  const rows = (report.correspondents as Report[]).map((c) => [
    cell(
      h(
        'a',
        { href: `#/cases?assigneeId=${encodeURIComponent(c.staffId)}&status=open` },
        `${c.name} (${c.staffId})`,
      ),
    ),
    figure(`rep-workload.${c.staffId}.skillLevel`, c.skillLevel, num(c.skillLevel)),
    figure(`rep-workload.${c.staffId}.openCases`, c.openCases, num(c.openCases)),
    figure(`rep-workload.${c.staffId}.weightedLoad`, c.weightedLoad, num(c.weightedLoad)),
    figure(`rep-workload.${c.staffId}.oldestOpenAgeHours`, c.oldestOpenAgeHours, hours(c.oldestOpenAgeHours)),
    figure(`rep-workload.${c.staffId}.byPriority.urgent`, c.byPriority.urgent, num(c.byPriority.urgent)),
    figure(`rep-workload.${c.staffId}.byPriority.high`, c.byPriority.high, num(c.byPriority.high)),
  ]);
  const oldest = (report.correspondents as Report[]).reduce<Report | null>(
    (a, c) =>
      c.oldestOpenAgeHours !== null && (a === null || c.oldestOpenAgeHours > a.oldestOpenAgeHours) ? c : a,
    null,
  );
  return h(
    'section',
    { class: 'report card', 'aria-labelledby': 'workload-title', id: 'rep-workload' },
    h(
      'header',
      {},
      h('h2', { id: 'workload-title' }, 'Weighted load per correspondent'),
      h('p', { class: 'sub' }, `As of ${day(report.asOf)} · log position ${report.position}`),
      csvButton('Download CSV', 'rep-workload', path),
    ),
    h(
      'div',
      { class: 'report-body' },
      barChart({
        title: 'Weighted load per correspondent',
        labels: (report.correspondents as Report[]).map((c) => c.staffId),
        values: (report.correspondents as Report[]).map((c) => c.weightedLoad),
        unit: 'weighted load',
        reference: { label: `department mean ${d.meanWeightedLoad}`, value: d.meanWeightedLoad },
        summary:
          (report.correspondents as Report[]).map((c) => `${c.staffId} ${c.weightedLoad}`).join(', ') +
          `; mean ${d.meanWeightedLoad}; imbalance ${d.imbalance}.`,
      }),
      figureList('Department workload', [
        ['rep-workload.department.openCases', 'Open cases', d.openCases, num(d.openCases)],
        ['rep-workload.department.unassigned', 'Unassigned', d.unassigned, num(d.unassigned)],
        ['rep-workload.department.unsorted', 'Unsorted', d.unsorted, num(d.unsorted)],
        [
          'rep-workload.department.meanWeightedLoad',
          'Mean weighted load',
          d.meanWeightedLoad,
          num(d.meanWeightedLoad),
        ],
        [
          'rep-workload.department.maxWeightedLoad',
          'Max weighted load',
          d.maxWeightedLoad,
          num(d.maxWeightedLoad),
        ],
        ['rep-workload.department.imbalance', 'Imbalance (max ÷ mean)', d.imbalance, num(d.imbalance)],
        [
          'rep-workload.oldest',
          'Oldest open case',
          oldest?.oldestOpenAgeHours ?? null,
          oldest ? `${hours(oldest.oldestOpenAgeHours)} (${oldest.staffId})` : '—',
        ],
      ]),
    ),
    table(
      'Correspondents',
      ['Correspondent', 'Skill', 'Open', 'Weighted load', 'Oldest open', 'Urgent', 'High'],
      rows,
      { numeric: [1, 2, 3, 4, 5, 6] },
    ),
  );
}

function goodwillSection(report: Report, path: string): HTMLElement {
  const d = report.department;
  const rows = (report.staff as Report[]).map((s) => [
    cell(s.staffId),
    figure(`goodwill.${s.staffId}.grants`, s.grants, num(s.grants)),
    figure(`goodwill.${s.staffId}.goodwillCents`, s.goodwillCents, cents(s.goodwillCents)),
    figure(`goodwill.${s.staffId}.pctOfSales`, s.pctOfSales, pct(s.pctOfSales)),
    figure(`goodwill.${s.staffId}.budgetCents`, s.budgetCents, cents(s.budgetCents)),
    figure(`goodwill.${s.staffId}.budgetUsedPct`, s.budgetUsedPct, pct(s.budgetUsedPct)),
    figure(`goodwill.${s.staffId}.overBudgetGrants`, s.overBudgetGrants, num(s.overBudgetGrants)),
  ]);
  return h(
    'section',
    { class: 'report card', 'aria-labelledby': 'goodwill-title', id: 'goodwill' },
    h(
      'header',
      {},
      h('h2', { id: 'goodwill-title' }, 'Goodwill as % of sales'),
      h(
        'p',
        { class: 'sub' },
        `${day(report.from)} to ${day(report.to)} (excluded) · log position ${report.position}`,
      ),
      csvButton('Download CSV', 'goodwill', path),
    ),
    h(
      'div',
      { class: 'report-body' },
      barChart({
        title: 'Goodwill as % of department sales, per staff member',
        labels: (report.staff as Report[]).map((s) => s.staffId),
        values: (report.staff as Report[]).map((s) => s.pctOfSales),
        unit: '% of sales',
        reference:
          d.guidelinePct === null
            ? undefined
            : { label: `guideline ${d.guidelinePct} %`, value: d.guidelinePct },
        summary:
          (report.staff as Report[]).map((s) => `${s.staffId} ${s.pctOfSales} %`).join(', ') +
          `; guideline ${d.guidelinePct} %.`,
      }),
      figureList('Department goodwill', [
        ['goodwill.department.netSalesCents', 'Net sales', d.netSalesCents, cents(d.netSalesCents)],
        ['goodwill.department.goodwillCents', 'Goodwill', d.goodwillCents, cents(d.goodwillCents)],
        [
          'goodwill.department.goodwillPctOfSales',
          'Goodwill % of sales',
          d.goodwillPctOfSales,
          pct(d.goodwillPctOfSales),
        ],
        ['goodwill.department.guidelinePct', 'Guideline', d.guidelinePct, pct(d.guidelinePct)],
        [
          'goodwill.department.overGuideline',
          'Over guideline',
          d.overGuideline,
          d.overGuideline ? 'Yes — over' : 'No',
        ],
        ['goodwill.department.refundsCents', 'Refunds', d.refundsCents, cents(d.refundsCents)],
        ['goodwill.department.grants', 'Grants', d.grants, num(d.grants)],
      ]),
    ),
    table(
      'Goodwill by staff member (budget used)',
      ['Staff', 'Grants', 'Goodwill', '% of sales', 'Budget', 'Budget used', 'Over budget'],
      rows,
      { numeric: [1, 2, 3, 4, 5, 6] },
    ),
  );
}

function followThroughSection(
  report: Report,
  path: string,
  trend: Array<[string, number | null]>,
): HTMLElement {
  const f = report.department.followUps;
  const c = report.department.cases;
  const rows = (report.correspondents as Report[]).map((r) => [
    cell(r.staffId),
    figure(`follow-through.${r.staffId}.followUps.promised`, r.followUps.promised, num(r.followUps.promised)),
    figure(
      `follow-through.${r.staffId}.followUps.completedOnTime`,
      r.followUps.completedOnTime,
      num(r.followUps.completedOnTime),
    ),
    figure(`follow-through.${r.staffId}.followUps.overdue`, r.followUps.overdue, num(r.followUps.overdue)),
    figure(
      `follow-through.${r.staffId}.followUps.followThroughRate`,
      r.followUps.followThroughRate,
      pct(r.followUps.followThroughRate),
    ),
    figure(
      `follow-through.${r.staffId}.cases.withinStandardPct`,
      r.cases.withinStandardPct,
      pct(r.cases.withinStandardPct),
    ),
  ]);
  return h(
    'section',
    { class: 'report card', 'aria-labelledby': 'ft-title', id: 'follow-through' },
    h(
      'header',
      {},
      h('h2', { id: 'ft-title' }, 'Follow-through'),
      h(
        'p',
        { class: 'sub' },
        `${day(report.from)} to ${day(report.to)} · as of ${day(report.asOf)} · log position ${report.position}`,
      ),
      csvButton('Download CSV', 'follow-through', path),
    ),
    h(
      'div',
      { class: 'report-body' },
      lineChart({
        title: 'Follow-through rate per week (promises due that week)',
        labels: trend.map(([start]) => start.slice(5, 10)),
        values: trend.map(([, rate]) => rate),
        unit: 'follow-through %',
        summary:
          trend.map(([start, rate]) => `week of ${day(start)}: ${rate ?? 'no promises judged'}`).join('; ') +
          '.',
      }),
      figureList('Department follow-through', [
        ['follow-through.department.followUps.promised', 'Promised', f.promised, num(f.promised)],
        [
          'follow-through.department.followUps.completedOnTime',
          'Kept on time',
          f.completedOnTime,
          num(f.completedOnTime),
        ],
        [
          'follow-through.department.followUps.completedLate',
          'Kept late',
          f.completedLate,
          num(f.completedLate),
        ],
        ['follow-through.department.followUps.overdue', 'Overdue promises', f.overdue, num(f.overdue)],
        [
          'follow-through.department.followUps.followThroughRate',
          'Follow-through rate',
          f.followThroughRate,
          pct(f.followThroughRate),
        ],
        ['follow-through.department.cases.received', 'Cases received', c.received, num(c.received)],
        [
          'follow-through.department.cases.withinStandardPct',
          'First answer within standard',
          c.withinStandardPct,
          pct(c.withinStandardPct),
        ],
        [
          'follow-through.department.cases.satisfaction.unhappyPct',
          'Unhappy ratings',
          c.satisfaction.unhappyPct,
          pct(c.satisfaction.unhappyPct),
        ],
      ]),
    ),
    table(
      'Follow-through by correspondent',
      ['Correspondent', 'Promised', 'Kept on time', 'Overdue', 'Rate', 'Answered within standard'],
      rows,
      { numeric: [1, 2, 3, 4, 5] },
    ),
  );
}

/** Department today: the three reports of SPEC §6, as charts with their figures beside them. */
export async function departmentPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const from = params.get('from') ?? startOfMonth();
  const to = params.get('to') ?? startOfNextMonth();
  const asOf = params.get('asOf') ?? undefined;
  const workloadPath = `/reports/rep-workload${query({ asOf })}`;
  const goodwillPath = `/reports/goodwill${query({ from, to })}`;
  const followPath = `/reports/follow-through${query({ from, to, asOf })}`;
  const [workload, goodwill, follow] = await Promise.all([
    get<Report>(`/reports/rep-workload${query(withMinPosition({ asOf }))}`),
    get<Report>(`/reports/goodwill${query(withMinPosition({ from, to }))}`),
    get<Report>(`/reports/follow-through${query(withMinPosition({ from, to, asOf }))}`),
  ]);
  const trend = await Promise.all(
    weeks(from, to).map(
      async ([start, end]) =>
        [
          start,
          (await get<Report>(`/reports/follow-through${query({ from: start, to: end, asOf })}`)).department
            .followUps.followThroughRate,
        ] as [string, number | null],
    ),
  );
  document.title = 'Department today · Caseledger';
  replace(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Department today'), pickers(from, to, asOf)),
    h(
      'div',
      { class: 'reports' },
      workloadSection(workload, workloadPath),
      goodwillSection(goodwill, goodwillPath),
      followThroughSection(follow, followPath, trend),
    ),
  );
}
