// `npm run bench`: runs every bench/*.bench.ts module's default export, one after another.
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.bench.ts')).sort();
for (const file of files) {
  console.log(`\n== ${file}`);
  const module = (await import(new URL(file, dir).href)) as { default: () => Promise<void> };
  await module.default();
}
