// The only module that imports the WebExtension API; everything else receives what it needs.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime } from 'webextension-polyfill';
