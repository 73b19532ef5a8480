import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * The public half of a key pair: it pins the Chrome extension id to
 * olajigdaoeoedjnogpakenpdpknookmp, so the server can allow exactly that origin.
 * The private half was never kept; nothing secret is here.
 */
const CHROME_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk8dnLFPt54fL+4JDHqCNRcc60LjQZ3VntS8cvm82OI4fxA1cvCx4QN0X4k3XxtaTN4echw9BIIvTv2f++78DTOT/0CD4muFSHGrwtMH8aBtVAbZesEZU1J0WlvbOeKfI2keH0LbWRATY0x4cHJLWNkqvstfr9RkvAJGXeNBXfmtyGlbBZwBmYjFpsWp4zG13mDfn24vGokLoWTSt57+qzfU+/PE/Go6kG5Cf/xlvmc86jZ9AMQ1VdRIKQ1gJd1p2+He/VeWp+XH1kktoFOH6rzindmw3OLzcIo6p+vem/Pfa98DslksozA/1nLBARLlgr/EL4wFBIlH8HEcr4AKbdQIDAQAB';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // Copied into the build as is: the enterprise policy schema.
  publicDir: 'extension/public',
  // No auto-imports: every module says where its names come from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Lingting 聆聽',
    description: 'Complaint-handling sidebar for real-estate hotline agents',
    ...(browser === 'chrome' ? { key: CHROME_PUBLIC_KEY } : {}),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'lingting@lingting.invalid', strict_min_version: '128.0' } } }
      : {}),
    // `scripting` registers the content script on CRMs configured on the server; the agent grants
    // each CRM's origin once from the options page (optional host permissions). `clipboardWrite`
    // lets an insertion that no field can take land on the clipboard.
    permissions: ['storage', 'alarms', 'scripting', 'clipboardWrite', 'notifications'],
    commands: { 'toggle-sidebar': { suggested_key: { default: 'Alt+L' }, description: 'Open or close the Lingting sidebar' } },
    ...(browser === 'firefox'
      ? // MV2 has no optional_host_permissions: origins are requested through optional_permissions.
        { optional_permissions: ['*://*/*'] }
      : { optional_host_permissions: ['*://*/*'] }),
    // Enterprise policy may preset the server address (storage.managed). Chrome reads this schema;
    // Firefox takes managed storage from a native manifest / policies.json instead.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    web_accessible_resources: [
      {
        // Loaded on demand by the content script: picker.js when a supervisor picks a value,
        // wording.js at the first keystroke on a page with wording rules, insert.js at the first
        // insertion or shortcut.
        resources: ['sidebar.html', 'picker.js', 'wording.js', 'insert.js'],
        // A configured CRM can be on any origin, and the sidebar frame must load there without a
        // rebuild. The page learns only that the extension is installed; the frame's content stays
        // out of its reach (closed shadow root, cross-origin frame).
        matches: ['<all_urls>'],
      },
    ],
  }),
  hooks: {
    // The content script runs in every CRM page and has a 10 KB gzip budget: terser's extra
    // passes make it ~500 bytes smaller than esbuild's minifier. Only there: the other bundles
    // load from the extension itself and keep the faster esbuild build. ascii_only for the same
    // reason as esbuild's `charset` below.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      // WXT's ContentScriptContext, which this script does not use (overlay/script-lifetime.ts),
      // would otherwise ship in it anyway: its wrapper constructs one for every content script.
      const alias = config.resolve?.alias;
      const noContext = { find: 'wxt/utils/content-script-context', replacement: resolve(import.meta.dirname, 'extension/overlay/no-script-context.ts') };
      config.resolve = { ...config.resolve, alias: Array.isArray(alias) ? [noContext, ...alias] : [noContext, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))] };
      config.build = {
        ...config.build,
        minify: 'terser',
        // LINGTING_MAP=1 writes a source map, to see which modules the budget goes to.
        sourcemap: process.env.LINGTING_MAP === '1',
        terserOptions: { compress: { passes: 3 }, format: { ascii_only: true, comments: false } },
      };
    },
  },
  // WXT 0.20 builds with its own Vite 7 (esbuild + Rollup).
  vite: () => ({
    esbuild: {
      jsx: 'automatic',
      jsxImportSource: 'preact',
      // Dexie's bundle holds characters Chromium refuses in an extension script unless escaped;
      // the only symptom is a service worker that never starts.
      charset: 'ascii',
    },
  }),
});
