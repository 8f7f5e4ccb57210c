// ESLint: Grafana's plugin config (@grafana/eslint-config, as create-plugin sets it up) over the whole tree, with
// Prettier owning the layout (eslint-config-prettier inside Grafana's config turns the layout rules off).
// `npm run lint` runs both; `npm test` runs it first.
import grafanaConfig from '@grafana/eslint-config';

/**
 * The longest line the tree may hold, in characters: the code here (Prettier wraps code at 120 but leaves strings
 * and comments whole), the SQL files by tests/build/sql-line-length.test.ts, which reads it from this file.
 */
export const MAX_LINE_LENGTH = 160;

export default [
  // What git ignores: build output, caches, the demo's state, benchmark results.
  {
    ignores: [
      'dist/**',
      '.cache/**',
      'tmp/**',
      'scratch/**',
      'bench/results/**',
      '.demo/**',
      'coverage/**',
      'tests/host/dist/**',
    ],
  },
  ...grafanaConfig,
  {
    name: 'services360',
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023 },
    rules: {
      // The aggregator, its CLI, the benchmarks and scripts are Node programs that write to stdout and stderr.
      'no-console': 'off',
      // The plugins use React's automatic JSX runtime (tsconfig "jsx": "react-jsx"): no React import for JSX.
      'react/react-in-jsx-scope': 'off',
      // Grafana's config still passes `overrides.arrow`, which @stylistic 5 no longer accepts: the same rule without it.
      '@stylistic/type-annotation-spacing': ['error', { after: true, before: false }],
      // eslint-plugin-react-hooks 7 (which Grafana's config takes whole) adds the React Compiler's rules. The panel and the
      // plugin host keep the latest value in a ref during render and read a fresh value in an effect, as React's docs long
      // showed: reported as warnings until those components are rewritten for the compiler.
      'react-hooks/refs': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/immutability': 'warn',
      // Long strings are split by concatenation, long comments rewrapped (eslint-config-prettier turns the rule off).
      '@stylistic/max-len': ['error', { code: MAX_LINE_LENGTH, tabWidth: 2 }],
      // No escape from the type system in the product: no `any`, no double cast (`as unknown as T`, `as A as B`), no
      // `!` (narrow the value, or use domain/lookup.ts where a miss is a bug to report).
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAsExpression.expression',
          message:
            'a double cast (`as unknown as T`, `as A as B`) escapes the type system: narrow the value, or type it where it is made',
        },
      ],
    },
  },
  {
    // Generated from the catalogue (npm run catalog-fallback) with the generator's layout: one JSON value a line.
    name: 'services360/generated',
    files: ['src/datasource/catalog/fallback.ts'],
    rules: { '@stylistic/max-len': 'off' },
  },
  {
    // Tests, the plugin host, benchmarks and scripts read JSON bodies and drive browsers: `any` is allowed there.
    name: 'services360/tests',
    files: [
      'tests/**',
      'bench/**',
      'scripts/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/test-support/**',
      '**/test-builders.ts',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': 'off',
    },
  },
];
