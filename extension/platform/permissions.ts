import { browser } from './browser';

/**
 * Asks the agent to let the extension run on these origins (optional host permissions, granted
 * once per CRM). Must be called from a click in an extension page.
 */
export async function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}
