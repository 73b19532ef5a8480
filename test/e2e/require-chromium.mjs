// The end-to-end tests drive a real Chromium. Say in one line how to get one when it is missing.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(
    `Chromium not found at ${path}: install it with \`sudo apt-get install -y chromium\` (Debian) or set CHROME_PATH to a Chromium binary.`,
  );
  process.exit(1);
}
