// Runs every bench/*.bench.ts module's default export in sequence: `npm run bench`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.bench.ts')).sort()) {
  console.log(`\n## ${file}`);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<void> };
  await module.default();
}
