// Team decisions live here as lint rules; each message says what to do instead.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const privacyGlobals = [
  {
    name: 'localStorage',
    message: 'Nothing is stored without an explicit opt-in: keep state in memory (src/state).',
  },
  {
    name: 'sessionStorage',
    message: 'Nothing is stored without an explicit opt-in: keep state in memory (src/state).',
  },
  {
    name: 'indexedDB',
    message: 'Nothing is stored without an explicit opt-in: keep state in memory (src/state).',
  },
];

/** What pure and worker code must never import. */
const UI_AND_STATE = [
  'react',
  'react-dom',
  'zustand',
  '**/app/**',
  '**/features/**',
  '**/state/**',
  '**/ui/**',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'build',
      'public/vendor',
      'src/engine/assets.generated.ts',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='clone'][arguments.length=0]",
          message:
            "OpenCV.js's Mat.clone() is embind's handle clone (the same pixels): use copyOf from workers/preprocess/matScope.ts.",
        },
        {
          selector: "MemberExpression[object.name='console']",
          message:
            'Console output can carry personal data: report failures as a ReaderError code and show them through the scan store.',
        },
      ],
      'no-restricted-globals': ['error', ...privacyGlobals],
      'no-restricted-properties': [
        'error',
        {
          object: 'document',
          property: 'cookie',
          message: 'Cookies are never written: keep state in memory.',
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...UI_AND_STATE, '**/engine/**', '**/workers/**'],
              message:
                'src/lib is pure TypeScript: pass data in as arguments; UI, state and workers import lib, never the reverse.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...privacyGlobals,
        ...['window', 'document', 'self'].map((name) => ({
          name,
          message: 'src/lib runs in workers and Node too: take what you need as an argument.',
        })),
      ],
    },
  },
  {
    files: ['src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: UI_AND_STATE,
              message: 'Workers are thin adapters over src/lib: never import UI or state.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
