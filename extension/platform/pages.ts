import { browser } from './browser';

/** Opens the extension's settings page in a tab. */
export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** The browser's preferred languages, most preferred first. */
export function preferredLanguages(): readonly string[] {
  return navigator.languages.length ? navigator.languages : [navigator.language];
}
