// The unit tests that judge the mutants of `npm run test:mutation` (stryker.config.mjs): the domain's
// and the report figures', without the globalSetup (no dist/ needed) and without the int/e2e projects.
import base from './jest.config.js';

const unit = base.projects.find((p) => p.displayName === 'unit');

export default {
  ...unit,
  displayName: undefined,
  rootDir: '.',
  // Only libs/ is crawled: jest starts once per mutant, and crawling the whole sandbox costs seconds.
  roots: ['<rootDir>/libs'],
  watchman: false,
  // It runs inside Stryker's sandbox (.stryker-tmp/), which the main config ignores.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/'],
  modulePathIgnorePatterns: [],
  testMatch: [
    '<rootDir>/libs/domain/**/*.unit.spec.ts',
    '<rootDir>/libs/projections/src/reports/**/*.unit.spec.ts',
  ],
};
