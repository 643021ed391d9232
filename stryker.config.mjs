// `npm run test:mutation` (not part of `npm test`): StrykerJS mutates the domain and the report
// figures and runs only the fast unit tests against each mutant. A surviving mutant is a change to
// a rule that no test notices; README's Tests section records the score and explains every survivor
// that is not worth a test. Scoped on purpose: the whole suite per mutant would take hours.
const DOMAIN = [
  'libs/domain/src/**/*.ts',
  '!libs/domain/src/**/*.spec.ts',
  '!libs/domain/src/testing/**',
  '!libs/domain/src/index.ts',
  '!libs/domain/src/**/*.events.ts',
  '!libs/domain/src/**/*.commands.ts',
];
const REPORTS = [
  'libs/projections/src/reports/report-math.ts',
  'libs/projections/src/reports/follow-through/follow-through.ts',
  'libs/projections/src/reports/goodwill/goodwill.ts',
  'libs/projections/src/reports/rep-workload/rep-workload.ts',
];
// The domain's money rules: goodwill budgets and grants, refunds against orders.
const MONEY = [
  'libs/domain/src/goodwill/*.ts',
  'libs/domain/src/order/*.ts',
  '!libs/domain/src/**/*.spec.ts',
  '!libs/domain/src/**/*.events.ts',
  '!libs/domain/src/**/*.commands.ts',
];
// The rest of the domain: cases, complainants, staff, standards, shared helpers.
const RULES = [...DOMAIN, '!libs/domain/src/goodwill/**', '!libs/domain/src/order/**'];
// `rules` in two halves of about 450 mutants each (about 45 min each on two idle cores): the case
// decider and its rules, and everything else (complainants, staff, standards, shared helpers).
const CASE = [
  ...RULES,
  '!libs/domain/src/complainant/**',
  '!libs/domain/src/staff/**',
  '!libs/domain/src/standards/**',
  '!libs/domain/src/shared/**',
  '!libs/domain/src/events.ts',
];
const REST = [...RULES, '!libs/domain/src/case/**'];
const MUTATE = {
  domain: DOMAIN,
  money: MONEY,
  rules: RULES,
  case: CASE,
  rest: REST,
  reports: REPORTS,
  all: [...DOMAIN, ...REPORTS],
};
// STRYKER_SCOPE=domain|money|rules|case|rest|reports runs part of it (each writes its own report); default: all.
const SCOPE = process.env.STRYKER_SCOPE ?? 'all';
if (!(SCOPE in MUTATE)) throw new Error(`STRYKER_SCOPE must be one of ${Object.keys(MUTATE).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  // 'all', not 'perTest': several specs compute their fixture at module load (a report, a case's
  // state), which perTest would run before the mutant is switched on and so miss. Each mutant runs
  // the whole of the spec files that import its file (enableFindRelatedTests), not every unit test.
  coverageAnalysis: 'all',
  mutate: MUTATE[SCOPE],
  ignorePatterns: [
    'dist',
    'data',
    'coverage',
    'infra/kafka/lib',
    'infra/kafka/run',
    '.tools',
    'bench-results',
    'reports/mutation',
  ],
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // STRYKER_TIMEOUT_MS: raise it on a busy machine, where a slow test run is not a mutant's endless
  // loop (at 5 s, a run beside other work counted 133 of 266 mutants as timed out: "killed").
  timeoutMS: Number(process.env.STRYKER_TIMEOUT_MS ?? 5_000),
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${SCOPE}.html` },
  jsonReporter: { fileName: `reports/mutation/${SCOPE}.json` },
  thresholds: { high: 90, low: 80, break: null },
};
