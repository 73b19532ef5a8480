import type { CaseGroup, MessageError } from '../../shared';
import { toMessageError, type ServerApi } from './server-api';
import type { Session, SettingsService } from './settings';

/**
 * What the sidebar asks the server at the moment it shows it, not cached offline: the confirmed
 * group complaints of a caller's building. Unreachable or signed out, the answer is a failure and
 * the sidebar shows nothing of it.
 */
export function createServerLookups(deps: { settings: SettingsService; api: (session: Session) => Pick<ServerApi, 'caseGroups'> }) {
  return {
    async caseGroups(project: string, building: string): Promise<{ ok: true; groups: CaseGroup[] } | { ok: false; error: MessageError }> {
      const session = await deps.settings.session();
      if (!session) return { ok: false, error: 'signed_out' };
      try {
        return { ok: true, groups: await deps.api(session).caseGroups(project, building) };
      } catch (error) {
        return { ok: false, error: toMessageError(error) };
      }
    },
  };
}
export type ServerLookups = ReturnType<typeof createServerLookups>;
