// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Things that would make the simulation depend on the wall clock or on chance. */
const NON_DETERMINISTIC_SYNTAX = [
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'sandbox/ must be deterministic: draw numbers from the world PRNG, not Math.random.',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'sandbox/ must not read the wall clock: use the world clock (world.time).',
  },
  {
    selector: "NewExpression[callee.name='Date']",
    message: 'sandbox/ must not read the wall clock: use the world clock (world.time).',
  },
  {
    selector:
      'MemberExpression[object.name=/^(globalThis|window|self)$/][property.name=/^(setTimeout|setInterval|crypto|performance)$/]',
    message: 'sandbox/ must not use timers, crypto or performance: the engine steps synchronously.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'dist-scorm/',
      '**/*.astro',
      '**/*.mdx',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The engine is pure: no UI frameworks, nothing from the site, no clock, no chance.
    files: ['sandbox/**/*.ts'],
    ignores: ['sandbox/runner.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'crypto', message: 'sandbox/ must be deterministic: no crypto.' },
            { name: 'node:crypto', message: 'sandbox/ must be deterministic: no crypto.' },
            { name: 'node:timers', message: 'sandbox/ must not use timers.' },
          ],
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xstate/react'],
              message: 'sandbox/ must not import React: the view lives in src/.',
            },
            {
              group: ['astro', 'astro:*', 'astro/*', '@astrojs/*'],
              message: 'sandbox/ must not import Astro: the site lives in src/.',
            },
            {
              group: ['**/src/**', '@components/*', '@lib/*'],
              message:
                'sandbox/ must not import from src/: dependencies point lessons → src → sandbox.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        {
          name: 'setTimeout',
          message: 'sandbox/ must not use timers: the engine steps synchronously.',
        },
        {
          name: 'setInterval',
          message: 'sandbox/ must not use timers: the engine steps synchronously.',
        },
        { name: 'crypto', message: 'sandbox/ must be deterministic: no crypto.' },
        { name: 'performance', message: 'sandbox/ must not read the wall clock.' },
      ],
      'no-restricted-syntax': ['error', ...NON_DETERMINISTIC_SYNTAX],
    },
  },
);
