// Content scripts registered at run time and optional host permissions: how the extension
// reaches CRMs configured on the server without a new build.
import type { ScriptRegistry } from '../services/crm-sites';
import { CRM_CONTENT_SCRIPT } from '../services/crm-sites';
import { patternCovers } from '../../shared';
import { browser } from './browser';

/**
 * `browser.scripting` as the sites service needs it. Firefox (MV2 build) has
 * `scripting.registerContentScripts` from version 102; registrations there do not persist
 * across sessions, so the background registers again on every start.
 */
export function scriptRegistry(): ScriptRegistry {
  return {
    async registeredIds() {
      return (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id);
    },
    async register(scripts) {
      await browser.scripting.registerContentScripts(
        scripts.map(({ id, matches }) => ({ id, matches, js: [CRM_CONTENT_SCRIPT], runAt: 'document_idle' as const, persistAcrossSessions: false })),
      );
    },
    async unregister(ids) {
      await browser.scripting.unregisterContentScripts({ ids });
    },
  };
}

/**
 * Whether the extension may run on every one of these patterns. `permissions.contains` answers
 * only for explicitly granted hosts; the manifest's own content-script hosts count too, so the
 * granted list is compared pattern by pattern.
 */
export async function originsGranted(patterns: string[]): Promise<boolean> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  return patterns.every((pattern) => granted.some((origin) => patternCovers(origin, pattern)));
}

/** Calls `onChange` whenever the agent grants or removes a permission. */
export function onPermissionsChanged(onChange: () => void): void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
}

/** The enterprise policy's settings (storage.managed), or {} where none is set or supported. */
export async function managedSettings(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {}; // no policy installed (Firefox throws), which is the usual case
  }
}
