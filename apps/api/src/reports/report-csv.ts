// CSV as SPEC §4 has it: a header row of the field names of the report's main list, nested fields
// flattened with dots, one row per element, an empty cell for null. Columns are listed here rather
// than taken from the first row, so an empty list still answers its header.

const satisfaction = ['delighted', 'satisfied', 'disappointed', 'annoyed', 'angry', 'unhappyPct'].map(
  (k) => `cases.satisfaction.${k}`,
);

export const REP_WORKLOAD_COLUMNS = [
  'staffId',
  'name',
  'skillLevel',
  'openCases',
  'weightedLoad',
  'oldestOpenAgeHours',
  'byPriority.low',
  'byPriority.normal',
  'byPriority.high',
  'byPriority.urgent',
];

export const GOODWILL_COLUMNS = [
  'staffId',
  'grants',
  'goodwillCents',
  'pctOfSales',
  'shareOfGoodwillPct',
  'budgetCents',
  'budgetUsedPct',
  'averageGrantCents',
  'overBudgetGrants',
];

export const FOLLOW_THROUGH_COLUMNS = [
  'staffId',
  ...['promised', 'completedOnTime', 'completedLate', 'overdue', 'pending', 'followThroughRate'].map(
    (k) => `followUps.${k}`,
  ),
  ...[
    'received',
    'responded',
    'firstResponseMedianHours',
    'firstResponseP90Hours',
    'withinStandardPct',
    'resolved',
    'resolutionMedianHours',
    'reopenRatePct',
    'repeatContacts',
    'refundTurnaroundMedianHours',
  ].map((k) => `cases.${k}`),
  ...satisfaction,
];

function valueAt(row: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      row,
    );
}

/**
 * RFC 4180: a cell with a comma, a quote or a line break is quoted, quotes doubled. A text cell
 * that a spreadsheet would take for a formula (it starts with = + - @, a tab or a carriage return:
 * a staff name `=HYPERLINK(…)`) is made inert by a leading single quote, as OWASP's CSV injection
 * rule says. Numbers are written as numbers: a negative figure stays a figure.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(columns: readonly string[], rows: readonly unknown[]): string {
  const lines = [
    columns.map(csvCell).join(','),
    ...rows.map((row) => columns.map((c) => csvCell(valueAt(row, c))).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}
