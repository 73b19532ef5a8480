import type { z } from 'zod';
import { SessionResponse } from '../../../../shared/account-api';
import { ApiError, type SignInRequest } from '../../../../shared/api';
import {
  ReviewResponse,
  TemplateResponse,
  type ReviewCreateRequest,
  type ReviewUpdateRequest,
  type TemplateCreateRequest,
  type TemplateStatusRequest,
  type TemplateUpdateRequest,
} from '../../../../shared/catalogue-api';
import { EscalationResponse } from '../../../../shared/escalation-api';
import { createClient } from '../../client';

/** An API call that did not succeed: `status` is 0 when the server could not be reached. */
export class ApiFailure extends Error {
  /** The error as the API worded it, when the body was one. */
  readonly error: ApiError['error'] | undefined;

  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const error = ApiError.safeParse(body).data?.error;
    super(error?.message ?? `HTTP ${status}`);
    this.error = error;
  }
}

/** The answer's JSON (undefined when empty); anything but a 2xx throws ApiFailure. */
async function settle(request: Promise<Response>): Promise<unknown> {
  let res: Response;
  try {
    res = await request;
  } catch {
    throw new ApiFailure(0, undefined);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not ours (a proxy's error page, say): the status alone tells what happened.
  }
  if (!res.ok) throw new ApiFailure(res.status, body);
  return body;
}

const parsed = async <S extends z.ZodType>(schema: S, request: Promise<Response>): Promise<z.output<S>> => schema.parse(await settle(request));

/**
 * The API calls the admin pages make, through the server's typed client, with the session
 * cookie and, on every unsafe request, the session's CSRF token. `root` is where the app is
 * mounted ('' or `/prefix`). Requests are checked against the shared schemas by their callers;
 * answers are parsed here.
 */
export function createApi(root: string) {
  const client = createClient(root);
  let csrfToken: string | undefined;

  /** The request options that carry the CSRF token, read once per page from GET /api/auth/session. */
  async function withCsrf() {
    csrfToken ??= (await parsed(SessionResponse, client.api.auth.session.$get())).csrfToken;
    return { headers: { 'x-csrf-token': csrfToken } };
  }

  return {
    async signIn(request: SignInRequest) {
      const session = await parsed(SessionResponse, client.api.auth.session.$post({ json: request }));
      csrfToken = session.csrfToken;
      return session;
    },
    async signOut() {
      await settle(client.api.auth.session.$delete({}, await withCsrf()));
    },
    async createTemplate(request: TemplateCreateRequest) {
      return (await parsed(TemplateResponse, client.api.templates.$post({ json: request }, await withCsrf()))).template;
    },
    async updateTemplate(id: string, request: TemplateUpdateRequest) {
      return (await parsed(TemplateResponse, client.api.templates[':id'].$put({ param: { id }, json: request }, await withCsrf()))).template;
    },
    async setTemplateStatus(id: string, request: TemplateStatusRequest) {
      const answer = client.api.templates[':id'].status.$post({ param: { id }, json: request }, await withCsrf());
      return (await parsed(TemplateResponse, answer)).template;
    },
    async createReview(caseId: string, request: ReviewCreateRequest) {
      const answer = client.api.cases[':id'].reviews.$post({ param: { id: caseId }, json: request }, await withCsrf());
      return (await parsed(ReviewResponse, answer)).review;
    },
    async acknowledgeEscalation(id: string) {
      const answer = client.api.escalations[':id'].ack.$post({ param: { id } }, await withCsrf());
      return (await parsed(EscalationResponse, answer)).escalation;
    },
    async updateReview(caseId: string, reviewId: string, request: ReviewUpdateRequest) {
      const answer = client.api.cases[':id'].reviews[':reviewId'].$put({ param: { id: caseId, reviewId }, json: request }, await withCsrf());
      return (await parsed(ReviewResponse, answer)).review;
    },
  };
}

/** The API as the pages' behaviours receive it. */
export type Api = ReturnType<typeof createApi>;
