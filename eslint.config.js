import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import noLiteralUiStrings from './scripts/eslint/no-literal-ui-strings.js';

/*
 * Lint enforces the boundaries of DESIGN.md beside the compiler: src/ is the pure core, renderer/ never reaches the
 * host except through the bridge, main/ never imports the renderer. A wrong import is an error, not a review note.
 */
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'worker_threads', 'stream', 'buffer', 'util', 'http', 'https', 'net'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'dexie', 'maplibre-gl', 'zustand'].map((name) => ({
            name,
            message: 'src/ is the pure core: no UI, storage or host libraries.',
          })),
          patterns: [
            { group: NODE_BUILTINS, message: 'src/ is the pure core: no Node APIs.' },
            { group: ['**/main/**', '**/renderer/**', 'react-dom/*', 'dexie/*', 'maplibre-gl/*'], message: 'src/ imports nothing from main/ or renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.*.ts'],
    plugins: { 'react-hooks': reactHooks, watershed: { rules: { 'no-literal-ui-strings': noLiteralUiStrings } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'watershed/no-literal-ui-strings': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the host only through the bridge.' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer runs in a browser too: no Node APIs.' },
            { group: ['**/main/**', '!**/renderer/main.tsx'], message: 'The renderer never imports main/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports renderer/.' }] },
      ],
    },
  },
);
