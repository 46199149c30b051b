// ESLint (flat config): typescript-eslint's type-checked recommended rules over the functions (src and
// tests) and the typed client. Run by `npm test` after the type-check, and by `npm run lint`.
// typescript-eslint needs TypeScript's compiler API, which TypeScript 7 (the functions' tsc) doesn't
// ship: it uses the root's pinned typescript 5.9 and reads the same tsconfig files.
import comments from '@eslint-community/eslint-plugin-eslint-comments';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['**/node_modules/', '**/lib/', '**/dist/', 'web/', 'bench/', 'scripts/', 'functions/test/**/fixtures/'] },
  {
    files: ['functions/src/**/*.ts', 'functions/test/**/*.ts', 'client/src/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['functions/tsconfig.test.json', 'client/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@eslint-community/eslint-comments': comments },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An eslint-disable says why (`-- reason`), and names its rules.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      // The code's convention: a leading underscore names what a destructuring drops on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // async without await implements Promise-returning interfaces (fakes, transaction callbacks);
      // no-floating-promises and no-misused-promises catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The lazy getters: require() is untyped by design (cold starts); test/deploy checks every export.
    files: ['functions/src/index.ts'],
    rules: { '@typescript-eslint/no-unsafe-member-access': 'off', '@typescript-eslint/no-unsafe-return': 'off' },
  },
  {
    // Tests read Firestore DocumentData (every field typed any) and firebase-functions-test results;
    // the assertions check the values, so the no-unsafe-* family would only flag every read.
    files: ['functions/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Tests stringify fetch bodies, arrays and tuples into assertion messages on purpose.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Fakes forward a rejection reason as they got it (an abort signal's, a settled promise's).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
      // `!` on indexed reads in tests (~70) says "present here"; without noUncheckedIndexedAccess the
      // compiler doesn't need it. Kept on in src, where it is fixed.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
);
