import type { CaseGroup, CaseHistoryItem, Escalation, MessageError } from '../../shared';
import { toMessageError, type ServerApi } from './server-api';
import type { Session, SettingsService } from './settings';

type Lookup<T> = Promise<({ ok: true } & T) | { ok: false; error: MessageError }>;

/**
 * What the sidebar asks the server at the moment it shows it, not cached offline: the customer's
 * earlier complaints, the confirmed group complaints of a caller's building, and who took a
 * case's escalation. Unreachable or signed out, the answer is a failure the sidebar puts in words
 * or leaves out.
 */
export function createServerLookups(deps: {
  settings: SettingsService;
  api: (session: Session) => Pick<ServerApi, 'caseHistory' | 'caseGroups' | 'caseEscalations'>;
}) {
  async function ask<T>(question: (api: ReturnType<typeof deps.api>) => Promise<T>): Lookup<{ value: T }> {
    const session = await deps.settings.session();
    if (!session) return { ok: false, error: 'signed_out' };
    try {
      return { ok: true, value: await question(deps.api(session)) };
    } catch (error) {
      return { ok: false, error: toMessageError(error) };
    }
  }
  return {
    async caseHistory(phone: string): Lookup<{ cases: CaseHistoryItem[] }> {
      const reply = await ask((api) => api.caseHistory(phone));
      return reply.ok ? { ok: true, cases: reply.value } : reply;
    },
    async caseGroups(project: string, building: string): Lookup<{ groups: CaseGroup[] }> {
      const reply = await ask((api) => api.caseGroups(project, building));
      return reply.ok ? { ok: true, groups: reply.value } : reply;
    },
    async caseEscalations(caseId: string): Lookup<{ escalations: Escalation[] }> {
      const reply = await ask((api) => api.caseEscalations(caseId));
      return reply.ok ? { ok: true, escalations: reply.value } : reply;
    },
  };
}
export type ServerLookups = ReturnType<typeof createServerLookups>;
