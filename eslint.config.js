import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layering (README, Layout). A lib imports the libs listed here, each by its #alias (package.json
// "imports"), and nothing else of ours: no other lib's files by a relative path, no app. An app
// imports any lib by its #alias and no other app's files. Tests under test/ may reach anywhere.
// `libs/config` is the leaf that holds tunables: any lib but the domain may read it.
const LAYERS = {
  domain: [],
  config: [],
  'event-store': ['config'],
  application: ['domain', 'event-store', 'config'],
  projections: ['domain', 'event-store', 'config'],
  audit: ['event-store', 'config'],
  messaging: ['domain', 'event-store', 'application', 'config'],
  // The process plumbing the apps share (databases, logins, the embedded supervisor): any lib.
  runtime: ['domain', 'event-store', 'application', 'projections', 'audit', 'messaging', 'config'],
};
const APPS = ['api', 'cli', 'console', 'ingest', 'projector', 'standalone'];
// Entry points besides a lib's index, by the lib they belong to.
const ALIASES = { 'event-store': ['#event-store', '#embedded-postgres'] };
const aliasesOf = (lib) => ALIASES[lib] ?? [`#${lib}`];
// Apps that still import another app's files: the one composition (issue 20, item 5) removes them.
const APP_EXCEPTIONS = {
  // npm start hosts the HTTP shell, its controllers and providers, in its own composition.
  standalone: ['api'],
  // Browser code, bundled by Vite without the caseledger-source condition: it takes the two pure
  // domain files it shares with the server (auto-assignment, the case vocabulary) by their paths.
  console: ['domain'],
};
/** A relative import that climbs out of its lib or app into another one's files (names are plain words). */
const reachingInto = (others) => ({
  regex: `^(\\.\\./)+((libs|apps)/(${others.join('|')})|(${others.join('|')})/src)(/|$)`,
  message:
    "Import another lib by its #alias (export what you need from its src/index.ts); never another lib's or app's files.",
});
const layering = (folder, self) => {
  const others = [...Object.keys(LAYERS), ...APPS].filter((n) => n !== self);
  if (folder === 'apps')
    return [reachingInto(others.filter((n) => !(APP_EXCEPTIONS[self] ?? []).includes(n)))];
  const allowed = LAYERS[self].flatMap(aliasesOf);
  return [
    {
      regex: allowed.length ? `^#(?!(${allowed.map((a) => a.slice(1)).join('|')})$)` : '^#',
      message: `libs/${self} may import ${allowed.length ? allowed.join(', ') : 'no other lib'} (layering in eslint.config.js).`,
    },
    reachingInto(others),
  ];
};

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      '.stryker-tmp/**',
      'reports/**',
      'dist/**',
      'data/**',
      'node_modules/**',
      'infra/kafka/**',
      'coverage/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // One way to open a pool: openPool keeps a listener on every client, lent or idle.
    files: ['**/*.ts'],
    ignores: ['libs/event-store/src/faults/open-pool.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "NewExpression[callee.object.name='pg'][callee.property.name='Pool'], NewExpression[callee.name='Pool']",
          message: 'Open pools with openPool (#event-store): a lost connection must never end the process.',
        },
      ],
    },
  },
  // The layering, one block per lib and app (the domain's is in its own block below).
  ...Object.keys(LAYERS)
    .filter((lib) => lib !== 'domain')
    .map((lib) => ({
      files: [`libs/${lib}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: layering('libs', lib) }] },
    })),
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: layering('apps', app) }] },
  })),
  {
    // The domain is pure: no framework, no database, no broker, no I/O, no clock.
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'pg-*',
                'kafkajs',
                '@eventstore/*',
                'embedded-postgres',
                'zod',
              ],
              message:
                'libs/domain is pure TypeScript: no framework, database, broker or validation library.',
            },
            {
              group: ['node:*', 'fs', 'net', 'http', 'https', 'child_process', 'crypto', 'os', 'path'],
              message: 'libs/domain does no I/O.',
            },
            ...layering('libs', 'domain'),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes in through the command (metadata.now), never from the clock.',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'Time comes in through the command (metadata.now), never from the clock.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Ids come in through the command.',
        },
        { selector: 'Decorator', message: 'No framework decorators in the domain.' },
      ],
    },
  },
  {
    // Tests read untyped JSON answers; `any` there is the honest type.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
