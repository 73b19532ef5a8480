import { defineConfig } from 'wxt';

/**
 * Origins allowed to frame the sidebar page: the built-in demo CRM's. (Resource match patterns
 * take no path, so this is the whole origin.)
 */
const DEMO_CRM_ORIGINS = ['*://127.0.0.1/*', '*://localhost/*'];

/**
 * The public half of a key pair: it pins the Chrome extension id to
 * olajigdaoeoedjnogpakenpdpknookmp, so the server can allow exactly that origin.
 * The private half was never kept; nothing secret is here.
 */
const CHROME_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk8dnLFPt54fL+4JDHqCNRcc60LjQZ3VntS8cvm82OI4fxA1cvCx4QN0X4k3XxtaTN4echw9BIIvTv2f++78DTOT/0CD4muFSHGrwtMH8aBtVAbZesEZU1J0WlvbOeKfI2keH0LbWRATY0x4cHJLWNkqvstfr9RkvAJGXeNBXfmtyGlbBZwBmYjFpsWp4zG13mDfn24vGokLoWTSt57+qzfU+/PE/Go6kG5Cf/xlvmc86jZ9AMQ1VdRIKQ1gJd1p2+He/VeWp+XH1kktoFOH6rzindmw3OLzcIo6p+vem/Pfa98DslksozA/1nLBARLlgr/EL4wFBIlH8HEcr4AKbdQIDAQAB';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // No auto-imports: every module says where its names come from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Lingting 聆聽',
    description: 'Complaint-handling sidebar for real-estate hotline agents',
    ...(browser === 'chrome' ? { key: CHROME_PUBLIC_KEY } : {}),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'lingting@lingting.invalid', strict_min_version: '128.0' } } }
      : {}),
    permissions: ['storage', 'alarms', 'notifications'],
    commands: { 'toggle-sidebar': { suggested_key: { default: 'Alt+L' }, description: 'Open or close the Lingting sidebar' } },
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        matches: DEMO_CRM_ORIGINS,
      },
    ],
  }),
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
