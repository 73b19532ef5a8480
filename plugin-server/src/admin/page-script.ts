import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The admin pages' script as `npm run build:admin` bundles it from browser/main.ts. Built, not
 * committed; found from this module's own place, so neither the working directory nor a host
 * server that mounts the app matters.
 */
export const PAGE_SCRIPT_FILE = fileURLToPath(new URL('../../../.output/admin/admin.js', import.meta.url));

/** The built script's text; a missing build stops the server at start with what to run, rather than serving pages that cannot work. */
export function readPageScript(file = PAGE_SCRIPT_FILE): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error(`The admin pages' script is not built (${file} is missing): run \`npm run build:admin\` first.`);
    }
    throw error;
  }
}
