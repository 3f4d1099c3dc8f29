import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import codeLayering from './scripts/eslint-rules/code-layering.mjs';

/**
 * Which folder may import which (scripts/eslint-rules/code-layering.mjs). electron/'s folders from the bottom
 * up: a folder imports the layers below it, never one above or a peer in its own layer.
 * - store/ holds all SQL; safety/ the guards any file read may need (size limits, ZIP and XML bomb checks, a
 *   worker isolate) — it knows no file format and no table, so it sits at the bottom beside store/; static/
 *   how the built renderer is served (CSP, MIME types, paths) to the desktop window, the bridge and the pack's
 *   printer alike.
 * - import/ (files → store), report/ (store → the report model) and demo/ (generates a workspace through the
 *   store) each need only store/ and safety/, and none needs another.
 * - pack/ prints and writes reports; service/ implements the API over all of them; the entry points
 *   (composition roots) build the service for their transport.
 */
export const layering = {
  root: path.dirname(fileURLToPath(import.meta.url)),
  top: { shared: [], renderer: ['shared'], electron: ['shared'] },
  layers: [
    ['store', 'safety', 'static'],
    ['import', 'report', 'demo'],
    ['pack'],
    ['service'],
    ['cli', 'web', 'host', 'main'],
  ],
  // Sanctioned edges between entry points: the shell forks the service host and speaks its protocol; the
  // browser bridge's command line is parsed by the CLI's strict parser.
  peers: { main: ['host'], web: ['cli'] },
};

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'worker_threads',
  'zlib',
  'util',
  'events',
  'buffer',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      '.electron-native/**',
      'test-output/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['{shared,renderer,electron}/**/*.{ts,tsx,mts,cts,mjs,cjs,js,jsx}'],
    plugins: { local: { rules: { 'code-layering': codeLayering } } },
    rules: { 'local/code-layering': ['error', layering] },
  },
  // Only the Electron shell may import electron (anything else would try to download the binary in tests/CLI).
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    ignores: ['electron/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/main/ (the shell) may import electron.' }] },
      ],
    },
  },
  // The store owns the SQL: outside electron/store nothing opens a connection of its own (store functions
  // take a ReadableDb or WritableDb; test/electron/sqlOutsideStore.test.ts checks what else could run SQL).
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/store/**', 'electron/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main/ (the shell) may import electron.' },
            { name: 'better-sqlite3', message: 'Only electron/store/ runs SQL: add a store function.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'Only electron/store/ runs SQL: add a store function.' },
          ],
        },
      ],
    },
  },
  // Layering: shared/ is pure and isomorphic.
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'electron'],
              message: 'shared/ must not import electron/ or renderer/.',
            },
            { group: nodeBuiltins, message: 'shared/ must not use Node APIs.' },
            {
              group: ['react', 'react-dom', 'chart.js', 'better-sqlite3', 'exceljs', 'papaparse'],
              message: 'shared/ stays free of platform libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        '__dirname',
        'localStorage',
        'navigator',
      ],
    },
  },
  // Layering: the renderer talks only to the typed API.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron'],
              message: 'renderer/ reaches the service only through the typed API.',
            },
            {
              group: [...nodeBuiltins, 'better-sqlite3', 'exceljs', 'papaparse'],
              message: 'renderer/ runs in the browser.',
            },
          ],
        },
      ],
    },
  },
);
