import {
  ApiError,
  CaseHistoryResponse,
  CategoryList,
  CrmSite,
  CaseGroupList,
  CaseEscalations,
  EscalationResponse,
  CrmSiteList,
  LifeSettingsResponse,
  SignInResponse,
  SyncPullResponse,
  SyncPushResponse,
  TemplateList,
  WordingRuleList,
  type CaseGroup,
  type Escalation,
  type CaseHistoryItem,
  type MessageError,
  type Category,
  type SignInRequest,
  type SyncPushRequest,
  type Template,
  type WordingRule,
} from '../../shared';
import { createClient } from '../../plugin-server/src/client';
import { z } from 'zod';

/** A failed request: `status` is the HTTP status (0 when the server was unreachable). */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A failure as the code the UI puts in words. `unauthenticated` is what a 401 means here: wrong
 * credentials on sign-in, an expired or revoked token elsewhere.
 */
export function toMessageError(error: unknown, unauthenticated: MessageError = 'signed_out'): MessageError {
  if (!(error instanceof ServerError)) return 'server_error';
  if (error.status === 0) return 'unreachable';
  if (error.status === 401) return unauthenticated;
  if (error.status === 403) return 'forbidden';
  if (error.status === 429) return 'throttled';
  return error.status < 500 && error.code !== 'bad_response' ? 'rejected' : 'server_error';
}

/** What the background asks of the plugin server. */
export interface ServerApi {
  push(body: SyncPushRequest): Promise<SyncPushResponse>;
  /** This user's cases and reminders accepted since `cursor` (from the start without one); `open` leaves out finished ones. */
  pull(cursor: string | undefined, scope: 'all' | 'open'): Promise<SyncPullResponse>;
  templates(): Promise<Template[]>;
  categories(): Promise<Category[]>;
  wordingRules(): Promise<WordingRule[]>;
  crmSites(): Promise<CrmSite[]>;
  caseHistory(phone: string): Promise<CaseHistoryItem[]>;
  /** The calendar, time limits, departments and emergency plans a case's life runs on. */
  lifeSettings(): Promise<LifeSettingsResponse>;
  /** Confirmed group complaints of a project (and building, when known). */
  caseGroups(project: string, building: string): Promise<CaseGroup[]>;
  /** A case's escalations and who took them. */
  caseEscalations(caseId: string): Promise<Escalation[]>;
  /** A supervisor takes an escalation; answers it as it now stands (someone else may have been first). */
  acknowledgeEscalation(id: string): Promise<Escalation>;
}

type FetchLike = typeof fetch;


async function parseReply<T>(request: Promise<Response>, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await request;
  } catch (error) {
    throw new ServerError(0, 'unreachable', `server unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = ApiError.safeParse(body);
    throw problem.success
      ? new ServerError(response.status, problem.data.error.code, problem.data.error.message)
      : new ServerError(response.status, 'http_error', `HTTP ${response.status}`);
  }
  // The server is ours, but what crosses the network is parsed like any other input.
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ServerError(response.status, 'bad_response', 'unexpected response from server');
  return parsed.data;
}

/**
 * The server's base URL as the extension keeps it: origin plus path, without a trailing slash,
 * query or fragment. The path stays because the plugin server may be mounted under a prefix of
 * the CRM's own server (`https://crm.example.com/lingting`).
 */
export function serverBaseUrl(input: string): string {
  const url = new URL(input);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Signs in with a password and returns the bearer token the extension keeps. */
export function signIn(serverUrl: string, body: SignInRequest, fetchImpl: FetchLike = fetch) {
  const client = createClient(serverUrl, { fetch: fetchImpl });
  return parseReply(client.api.auth['sign-in'].$post({ json: body }), SignInResponse);
}

/** The server as one signed-in user sees it, through the server's typed client. */
export function createServerApi(serverUrl: string, token: string, fetchImpl: FetchLike = fetch): ServerApi {
  const client = createClient(serverUrl, { fetch: fetchImpl, headers: { Authorization: `Bearer ${token}` } });
  return {
    push: (body) => parseReply(client.api.sync.push.$post({ json: body }), SyncPushResponse),
    pull: (cursor, scope) => parseReply(client.api.sync.pull.$get({ query: cursor === undefined ? { scope } : { cursor, scope } }), SyncPullResponse),
    templates: async () =>
      (await parseReply(client.api.templates.$get({ query: { status: 'published' } }), TemplateList)).templates,
    categories: async () => (await parseReply(client.api.categories.$get(), CategoryList)).categories,
    wordingRules: async () => (await parseReply(client.api['wording-rules'].$get(), WordingRuleList)).rules,
    crmSites: async () => (await parseReply(client.api['crm-sites'].$get(), CrmSiteList)).sites,
    caseHistory: async (phone) => (await parseReply(client.api['case-history'].$get({ query: { phone } }), CaseHistoryResponse)).cases,
    lifeSettings: () => parseReply(client.api['life-settings'].$get(), LifeSettingsResponse),
    caseGroups: async (project, building) =>
      (await parseReply(client.api['case-groups'].$get({ query: building ? { project, building } : { project } }), CaseGroupList)).groups,
    caseEscalations: async (caseId) => (await parseReply(client.api.cases[':id'].escalations.$get({ param: { id: caseId } }), CaseEscalations)).escalations,
    acknowledgeEscalation: async (id) => (await parseReply(client.api.escalations[':id'].ack.$post({ param: { id } }), EscalationResponse)).escalation,
  };
}

/** Where a picked capture rule is saved: the CRM sites on the server, through its typed client. */
export function createSiteSource(serverUrl: string, token: string, fetchImpl: FetchLike = fetch) {
  const client = createClient(serverUrl, { fetch: fetchImpl, headers: { Authorization: `Bearer ${token}` } });
  return {
    /** Creates (POST) or replaces (PUT) a site; supervisors only. */
    saveSite: async (site: CrmSite, isNew: boolean) => {
      const request = isNew
        ? client.api['crm-sites'].$post({ json: site })
        : client.api['crm-sites'][':id'].$put({ param: { id: site.id }, json: site });
      return (await parseReply(request, z.object({ site: CrmSite }))).site;
    },
  };
}
