// Lint enforces the boundaries of ../shared/STYLE.md: which part of the code may import which.
// ESLint replaces (does not merge) a rule configured twice for one file, so every file falls in
// exactly one area below, and each area lists all of its restrictions.
import tseslint from 'typescript-eslint';

const SERVER_EXCEPT_CLIENT = {
  regex: 'plugin-server/(?!src/client$)',
  message: 'The extension imports from the server only its typed client (plugin-server/src/client).',
};
const BROWSER_API = { name: 'webextension-polyfill', message: 'Only extension/platform/ touches the browser API.' };
const folders = (names, message) => ({ group: names.map((name) => `**/${name}/**`), message });

const restrict = ({ paths = [], patterns = [] }) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

const UI = ['extension/ui/**', 'extension/entrypoints/sidebar/**', 'extension/entrypoints/options/**'];
const CONTENT = ['extension/entrypoints/*.content/**', 'extension/overlay/**', 'extension/capture/**', 'extension/insert/**'];
const PLATFORM = ['extension/platform/**'];
const ADMIN_BROWSER = ['plugin-server/src/admin/browser/**'];

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'data/', 'test-results/', '.debug/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**'],
    rules: restrict({ patterns: [folders(['extension', 'plugin-server', 'test'], 'shared/ imports nothing of ours.')] }),
  },
  {
    files: ['plugin-server/**'],
    ignores: ADMIN_BROWSER,
    rules: restrict({ patterns: [folders(['extension'], 'The server never imports extension code.')] }),
  },
  {
    // The admin pages' script runs in the browser: its own folder, shared/ and the server's typed
    // client, nothing else of the server (it would drag Node and the database into the bundle).
    files: ADMIN_BROWSER,
    rules: restrict({
      patterns: [
        {
          regex: '^\\.\\./(?!\\.\\./client$|\\.\\./\\.\\./\\.\\./shared/)',
          message: 'The admin page script imports only shared/ and the server\'s typed client (plugin-server/src/client).',
        },
        { regex: '^node:', message: 'The admin page script runs in the browser.' },
      ],
    }),
  },
  { files: PLATFORM, rules: restrict({ patterns: [SERVER_EXCEPT_CLIENT] }) },
  {
    files: UI,
    rules: restrict({
      paths: [BROWSER_API],
      patterns: [SERVER_EXCEPT_CLIENT, folders(['db', 'services'], 'UI reaches the background only through ui/background-client.')],
    }),
  },
  {
    files: CONTENT,
    rules: restrict({
      paths: [BROWSER_API],
      patterns: [SERVER_EXCEPT_CLIENT, folders(['db', 'services', 'ui'], 'Content scripts never import background or UI code.')],
    }),
  },
  {
    files: ['extension/**'],
    ignores: [...PLATFORM, ...UI, ...CONTENT],
    rules: restrict({ paths: [BROWSER_API], patterns: [SERVER_EXCEPT_CLIENT] }),
  },
);
