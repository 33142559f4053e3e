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

const SANDBOX_PATHS = [
  { name: 'crypto', message: 'sandbox/ must be deterministic: no crypto.' },
  { name: 'node:crypto', message: 'sandbox/ must be deterministic: no crypto.' },
  { name: 'node:timers', message: 'sandbox/ must not use timers.' },
];
const SANDBOX_PATTERNS = [
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
    message: 'sandbox/ must not import from src/: dependencies point lessons → src → sandbox.',
  },
];
/** The service modules (sandbox/services/*): each may import the core and the model only. */
const SERVICES = ['ec2', 'elb', 'docker', 'ecs', 'eks', 'ecr', 'pipeline'];

/** A service imports the core and the model, never another service, the composition or the terminal. */
/** @type {import('eslint').Linter.Config[]} */
const SERVICE_BOUNDARIES = SERVICES.map((service) => ({
  files: [`sandbox/services/${service}/**/*.ts`],
  rules: {
    // `import()` is not checked by no-restricted-imports: a service loads only its own files lazily.
    'no-restricted-syntax': [
      'error',
      ...NON_DETERMINISTIC_SYNTAX,
      {
        selector:
          "ImportExpression[source.type!='Literal'], ImportExpression[source.value=/^\\.\\.\\//]",
        message: `services/${service} may import() only its own files (its behaviour, from its index.ts): services meet through domain events.`,
      },
    ],
    'no-restricted-imports': [
      'error',
      {
        paths: SANDBOX_PATHS,
        patterns: [
          ...SANDBOX_PATTERNS,
          {
            group: SERVICES.filter((other) => other !== service).flatMap((other) => [
              `**/services/${other}/**`,
              `../${other}/**`,
            ]),
            message: `services/${service} may not import another service: services meet through domain events (engine/module.ts).`,
          },
          {
            group: ['**/composition.ts', '**/cli/**', '**/machines/**'],
            message: `services/${service} may not import the composition, the terminal or the run loop.`,
          },
        ],
      },
    ],
  },
}));

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
      'no-restricted-imports': ['error', { paths: SANDBOX_PATHS, patterns: SANDBOX_PATTERNS }],
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
  {
    // The engine core names no service: it gets the modules from the composition file.
    files: ['sandbox/engine/**/*.ts'],
    rules: {
      // `import()` is not checked by no-restricted-imports; the core loads nothing itself.
      'no-restricted-syntax': [
        'error',
        ...NON_DETERMINISTIC_SYNTAX,
        {
          selector: 'ImportExpression',
          message:
            'the engine core loads no code itself: each module brings its own load() (services/<svc>/index.ts).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: SANDBOX_PATHS,
          patterns: [
            ...SANDBOX_PATTERNS,
            {
              group: ['**/services/**', '**/composition.ts', '**/cli/**'],
              message:
                'the engine core imports no service (nor the composition or the terminal): modules reach it through the composition file.',
            },
          ],
        },
      ],
    },
  },
  ...SERVICE_BOUNDARIES,
  {
    // The site reaches the sandbox only through its public entry points.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@sandbox/(?!(cli/index|view)\\.ts$)',
              message:
                "src/ imports the sandbox only from '@sandbox' (sandbox/index.ts), '@sandbox/view.ts' or '@sandbox/cli/index.ts'.",
            },
            {
              // The engine's own folders and entry files; src/components/sandbox/ (the view) is not it.
              regex:
                '^(\\.\\.?/)+sandbox/((engine|services|model|cli|goals|scenarios|machines)/|(index|composition|runner|view)\\.ts$)',
              message:
                "src/ imports the sandbox only from '@sandbox' (sandbox/index.ts), '@sandbox/view.ts' or '@sandbox/cli/index.ts'.",
            },
          ],
        },
      ],
    },
  },
);
