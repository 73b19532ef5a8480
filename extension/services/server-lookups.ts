import type { CaseGroup, Escalation, MessageError } from '../../shared';
import { toMessageError, type ServerApi } from './server-api';
import type { Session, SettingsService } from './settings';

type Lookup<T> = { ok: true } & T;
type Failure = { ok: false; error: MessageError };

/**
 * What the sidebar asks the server at the moment it shows it, not cached offline: the group
 * complaints of a caller's building, and who took a case's escalation. Unreachable or signed
 * out, the answer is a failure and the sidebar shows nothing of it.
 */
export function createServerLookups(deps: { settings: SettingsService; api: (session: Session) => Pick<ServerApi, 'caseGroups' | 'escalations'> }) {
  async function ask<T>(call: (api: Pick<ServerApi, 'caseGroups' | 'escalations'>) => Promise<T>): Promise<Lookup<{ value: T }> | Failure> {
    const session = await deps.settings.session();
    if (!session) return { ok: false, error: 'signed_out' };
    try {
      return { ok: true, value: await call(deps.api(session)) };
    } catch (error) {
      return { ok: false, error: toMessageError(error) };
    }
  }
  return {
    async caseGroups(project: string, building: string): Promise<Lookup<{ groups: CaseGroup[] }> | Failure> {
      const reply = await ask((api) => api.caseGroups(project, building));
      return reply.ok ? { ok: true, groups: reply.value } : reply;
    },
    async escalationsOf(caseId: string): Promise<Lookup<{ escalations: Escalation[] }> | Failure> {
      const reply = await ask((api) => api.escalations(caseId));
      return reply.ok ? { ok: true, escalations: reply.value } : reply;
    },
  };
}
export type ServerLookups = ReturnType<typeof createServerLookups>;
