// Runs every bench/*.bench.ts module's default export, one after another.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

for (const file of readdirSync(import.meta.dirname).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const module = (await import(join(import.meta.dirname, file))) as { default: () => unknown };
  console.log(`\n## ${file}`);
  await module.default();
}
