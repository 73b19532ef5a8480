// The end-to-end tests drive a real Chromium and a real Firefox. Say in one line how to get
// whichever is missing.
import { accessSync, constants } from 'node:fs';

const browsers = [
  { name: 'Chromium', path: process.env.CHROME_PATH ?? '/usr/bin/chromium', variable: 'CHROME_PATH', apt: 'chromium' },
  { name: 'Firefox', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', variable: 'FIREFOX_PATH', apt: 'firefox-esr' },
];
let missing = false;
for (const browser of browsers) {
  try {
    accessSync(browser.path, constants.X_OK);
  } catch {
    console.error(`${browser.name} not found at ${browser.path}: install it with \`sudo apt-get install -y ${browser.apt}\` (Debian) or set ${browser.variable} to its binary.`);
    missing = true;
  }
}
if (missing) process.exit(1);
