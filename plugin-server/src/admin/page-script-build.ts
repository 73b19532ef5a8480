// `npm run build:admin`: bundles the admin pages' script (browser/main.ts, with what it imports
// of shared/ and the server's typed client) into the one file the server serves.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PAGE_SCRIPT_FILE } from './page-script';

/**
 * Our sources import zod as `import { z } from 'zod'`: a namespace re-exported under a name,
 * which esbuild cannot shake, so all of zod (every locale's messages, JSON Schema) would come
 * along. Read as `import * as z from 'zod'` (the same bindings) only what is used is kept.
 */
const shakableZod: Plugin = {
  name: 'shakable-zod',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (path.includes('/node_modules/')) return undefined;
      const source = await readFile(path, 'utf8');
      return { contents: source.replace(/^import \{ z \} from 'zod';$/gm, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};

/** How the script is bundled: one ES module for current browsers, served as UTF-8 (browser/jitless.ts keeps zod from eval). */
export const PAGE_SCRIPT_BUILD = {
  entryPoints: [fileURLToPath(new URL('./browser/main.ts', import.meta.url))],
  // The repository root, so that the build's report names files as the repository does.
  absWorkingDir: fileURLToPath(new URL('../../..', import.meta.url)),
  outfile: PAGE_SCRIPT_FILE,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // Chinese words stay as UTF-8 rather than \u escapes: half the bytes.
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [shakableZod],
} satisfies BuildOptions;

/** Builds the script and says how big it came out. */
async function main() {
  await build(PAGE_SCRIPT_BUILD);
  const bytes = readFileSync(PAGE_SCRIPT_FILE);
  console.log(`admin page script: ${PAGE_SCRIPT_FILE} (${bytes.length} bytes, ${gzipSync(bytes).length} gzip)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
