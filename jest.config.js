// One runner for every test: jest, in its ES module mode (scripts/jest.js starts it with
// --experimental-vm-modules). Four projects:
//  - plugin:      src/ (the Grafana plugins) in jsdom with Testing Library, as create-plugin sets it up;
//  - backend:     backend/ and tests/build, plain Node;
//  - integration: tests/integration against real PostGIS (a template database prepared once per run);
//  - browser:     tests/browser in real Chromium through the plugin host (dist/ must be built), its aggregator
//                 on a database cloned from the same template.
// One file or one test: `npm run jest -- path/to/file.test.ts -t 'part of its name'` (README).
import { swcTransform } from './tests/jest/swc-transform.js';

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swcTransform },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // The plugin code (also imported by integration tests) imports @grafana/ui, which imports stylesheets and
  // fetches its icons: as create-plugin maps them.
  moduleNameMapper: {
    '\\.(css|scss|sass)$': '<rootDir>/tests/jest/style-mock.js',
    '^react-inlinesvg$': '<rootDir>/tests/jest/inline-svg-mock.cjs',
  },
};

export default {
  maxWorkers: 2,
  // node:test, which these tests came from, has no time limit by default; jest needs one. Half an hour is far
  // above any test on a loaded 2-core machine (the injection sweep took over 10 minutes at a load of 40); a test
  // that needs a tighter one says so.
  testTimeout: 1_800_000,
  projects: [
    {
      ...common,
      displayName: 'plugin',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      setupFiles: ['<rootDir>/src/test-support/jsdom-globals.ts'],
      setupFilesAfterEnv: ['<rootDir>/src/test-support/dom-matchers.ts'],
    },
    {
      ...common,
      displayName: 'backend',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/backend/**/*.test.ts', '<rootDir>/tests/build/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/jest/prepare-databases.ts',
      globalTeardown: '<rootDir>/tests/jest/drop-databases.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      // The plugin host starts an aggregator on a database cloned from the same template.
      globalSetup: '<rootDir>/tests/jest/prepare-databases.ts',
      globalTeardown: '<rootDir>/tests/jest/drop-databases.ts',
    },
  ],
};
