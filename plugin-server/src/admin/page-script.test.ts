import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPageScript } from './page-script';
import { PAGE_SCRIPT_BUILD } from './page-script-build';

describe('the admin page script', () => {
  it('bundles only its own folder, shared/, the typed client and the packages they use, in one small file', async () => {
    const result = await build({ ...PAGE_SCRIPT_BUILD, write: false, metafile: true, logLevel: 'silent' });
    // What the output holds (the build also reads modules it then shakes out entirely).
    const [bundle] = Object.values(result.metafile.outputs);
    const inputs = Object.entries(bundle!.inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : []));
    const allowed = /^(plugin-server\/src\/admin\/browser\/|plugin-server\/src\/client\.ts$|shared\/|node_modules\/(zod|hono|uuid)\/)/;
    expect(inputs.filter((input) => !allowed.test(input))).toEqual([]);
    // zod's messages in one language, not all fifty; and nothing of Node.
    expect(inputs.filter((input) => input.includes('/locales/'))).toEqual(['node_modules/zod/v4/locales/en.js']);
    expect(inputs.filter((input) => input.startsWith('node_modules/hono/') && !/\/(client|utils)\//.test(input))).toEqual([]);
    const [output] = result.outputFiles;
    // Mostly zod and the three word catalogues, which grow with the product (49 KB at the case-life words).
    expect(gzipSync(output!.contents).length).toBeLessThan(52 * 1024);
  });

  it('stops with what to run when it has not been built', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'lingting-admin-')), 'admin.js');
    expect(() => readPageScript(missing)).toThrow(`The admin pages' script is not built (${missing} is missing): run \`npm run build:admin\` first.`);
  });
});
