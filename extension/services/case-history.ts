import type { ReplyTo } from '../../shared';
import { toMessageError, type ServerApi } from './server-api';
import type { Session, SettingsService } from './settings';

/** The customer's earlier complaints, asked of the server at once (it is not cached offline). */
export function createCaseHistory(deps: { settings: SettingsService; api: (session: Session) => Pick<ServerApi, 'caseHistory'> }) {
  return async (phone: string): Promise<ReplyTo<'case.history'>> => {
    const session = await deps.settings.session();
    if (!session) return { ok: false, error: 'signed_out' };
    try {
      return { ok: true, cases: await deps.api(session).caseHistory(phone) };
    } catch (error) {
      return { ok: false, error: toMessageError(error) };
    }
  };
}
