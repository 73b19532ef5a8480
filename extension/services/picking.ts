import type { CapturedField, CaptureRule, ReplyTo } from '../../shared';
import type { CrmSitesService, SiteSource } from './crm-sites';
import type { Session, SettingsService } from './settings';
import { toMessageError } from './server-api';

type PickField = CapturedField | 'replyBox';

/** "Pick from page": a supervisor sets up a CRM by clicking its values. Only supervisors may. */
export function createPickingService(deps: {
  settings: SettingsService;
  crmSites: CrmSitesService;
  siteSource: (session: Session) => SiteSource;
  /** Asks the content script of `tabId` to load the picker and start it for one field. */
  startPicker: (tabId: number, field: PickField) => Promise<void>;
  newId: () => string;
}) {
  const supervisor = async () => {
    const session = await deps.settings.session();
    return session?.user.role === 'supervisor' ? session : null;
  };
  return {
    async start(tabId: number | null, field: PickField): Promise<ReplyTo<'pick.start'>> {
      if (!(await supervisor())) return { ok: false, error: 'not_supervisor' };
      if (tabId === null) return { ok: false, error: 'no_page' };
      await deps.startPicker(tabId, field);
      return { ok: true };
    },
    async save(url: string | null, field: PickField, rule: CaptureRule): Promise<ReplyTo<'pick.save'>> {
      const session = await supervisor();
      if (!session) return { ok: false, error: 'not_supervisor' };
      if (!url) return { ok: false, error: 'no_page' };
      try {
        await deps.crmSites.saveRule(url, field, rule, deps.siteSource(session), deps.newId);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: toMessageError(error) };
      }
    },
  };
}
export type PickingService = ReturnType<typeof createPickingService>;
