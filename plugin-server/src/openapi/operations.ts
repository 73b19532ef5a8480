import { z } from 'zod';
import {
  ApiError,
  CaseHistoryQuery,
  CaseListQuery,
  CaseListResponse,
  CaseHistoryResponse,
  CategoryCreateRequest,
  CategoryId,
  CategoryList,
  CategoryResponse,
  CategoryUpdateRequest,
  CrmSite,
  CrmSiteList,
  CrmSiteResponse,
  GeneratedPasswordResponse,
  Id,
  ReminderList,
  ReviewCreateRequest,
  ReviewList,
  ReviewResponse,
  ReviewUpdateRequest,
  type Role,
  SessionResponse,
  SignInRequest,
  SignInResponse,
  StoredCase,
  SyncPullQuery,
  SyncPullResponse,
  SyncPushRequest,
  SyncPushResponse,
  TemplateConflict,
  TemplateCreateRequest,
  TemplateList,
  TemplateResponse,
  TemplateStatusRequest,
  TemplateUpdateRequest,
  TemplateVersionList,
  User,
  UserAccountList,
  UserAccountResponse,
  UserCreateRequest,
  UserUpdateRequest,
  WordingRuleInput,
  WordingRuleList,
  WordingRuleResponse,
  TemplateQuery,
  IdParam,
} from '../../../shared';

/** Who may call an operation: nobody signed in needed, or any of these roles. */
export type Access = 'public' | readonly Role[];

/** One operation of the API, described once for the OpenAPI document and the docs page. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** In OpenAPI form, `/api/templates/{id}`, relative to where the app is mounted. */
  path: string;
  summary: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success status → body schema (null: no body, or not JSON). */
  responses: Record<number, z.ZodType | null>;
  /** Besides the success: the client errors this operation answers with a documented meaning. */
  errors?: readonly number[];
}

const ALL_ROLES: readonly Role[] = ['agent', 'supervisor', 'trainer', 'admin'];
const CASE_READERS: readonly Role[] = ['agent', 'supervisor', 'trainer'];
const idParam = IdParam;
const categoryParam = z.object({ id: CategoryId });
const html = z.string().describe('text/html');

/** Every route of `createApp`: a test fails when a route is added without an entry here. */
export const OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/api/health', summary: 'The process is up', access: 'public', responses: { 200: z.object({ ok: z.literal(true) }) } },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', access: 'public', responses: { 200: z.object({}).loose() } },
  { method: 'get', path: '/api/docs', summary: 'A page listing the operations', access: 'public', responses: { 200: html } },
  { method: 'get', path: '/demo/crm', summary: 'The demo CRM page', access: 'public', responses: { 200: html } },

  { method: 'post', path: '/api/auth/sign-in', summary: 'Bearer token for the extension (throttled)', access: 'public', body: SignInRequest, responses: { 200: SignInResponse }, errors: [401, 429] },
  { method: 'post', path: '/api/auth/sign-out', summary: 'Revoke this bearer token', access: ALL_ROLES, responses: { 204: null } },
  { method: 'post', path: '/api/auth/session', summary: 'Cookie session for the admin pages (throttled); sets the HttpOnly cookie', access: 'public', body: SignInRequest, responses: { 200: SessionResponse }, errors: [401, 429] },
  { method: 'get', path: '/api/auth/session', summary: 'The cookie session and its CSRF token', access: ALL_ROLES, responses: { 200: SessionResponse } },
  { method: 'delete', path: '/api/auth/session', summary: 'End the cookie session (needs X-CSRF-Token)', access: ALL_ROLES, responses: { 204: null } },
  { method: 'get', path: '/api/me', summary: 'Who is signed in', access: ALL_ROLES, responses: { 200: z.object({ user: User }) } },

  { method: 'get', path: '/api/categories', summary: 'The category tree, parents first', access: ALL_ROLES, responses: { 200: CategoryList } },
  { method: 'post', path: '/api/categories', summary: 'Add a category', access: ['supervisor'], body: CategoryCreateRequest, responses: { 201: CategoryResponse }, errors: [409] },
  { method: 'patch', path: '/api/categories/{id}', summary: 'Rename, move (no cycles) or reorder', access: ['supervisor'], params: categoryParam, body: CategoryUpdateRequest, responses: { 200: CategoryResponse }, errors: [404, 409] },
  { method: 'delete', path: '/api/categories/{id}', summary: 'Delete an unused category (409 says what uses it)', access: ['supervisor'], params: categoryParam, responses: { 204: null }, errors: [404, 409] },

  {
    method: 'get', path: '/api/templates', summary: 'Templates by status, language, text; agents get published only', access: ALL_ROLES,
    query: TemplateQuery, responses: { 200: TemplateList },
  },
  { method: 'post', path: '/api/templates', summary: 'Create a draft', access: ['supervisor'], body: TemplateCreateRequest, responses: { 201: TemplateResponse }, errors: [409] },
  { method: 'get', path: '/api/templates/{id}', summary: 'One template (agents: published only)', access: ALL_ROLES, params: idParam, responses: { 200: TemplateResponse }, errors: [404] },
  { method: 'put', path: '/api/templates/{id}', summary: 'Edit a draft at the version you read (409 with the current one)', access: ['supervisor'], params: idParam, body: TemplateUpdateRequest, responses: { 200: TemplateResponse, 409: TemplateConflict }, errors: [404] },
  { method: 'post', path: '/api/templates/{id}/status', summary: 'Publish, archive or return to draft, at the version you read', access: ['supervisor'], params: idParam, body: TemplateStatusRequest, responses: { 200: TemplateResponse, 409: TemplateConflict }, errors: [404] },
  { method: 'get', path: '/api/templates/{id}/versions', summary: 'Immutable published versions', access: ['supervisor', 'trainer'], params: idParam, responses: { 200: TemplateVersionList }, errors: [404] },

  { method: 'get', path: '/api/wording-rules', summary: 'Forbidden phrases and unapproved promises', access: ALL_ROLES, responses: { 200: WordingRuleList } },
  { method: 'post', path: '/api/wording-rules', summary: 'Add a rule', access: ['supervisor'], body: WordingRuleInput, responses: { 201: WordingRuleResponse }, errors: [409] },
  { method: 'put', path: '/api/wording-rules/{id}', summary: 'Replace a rule', access: ['supervisor'], params: idParam, body: WordingRuleInput, responses: { 200: WordingRuleResponse }, errors: [404] },
  { method: 'delete', path: '/api/wording-rules/{id}', summary: 'Delete a rule', access: ['supervisor'], params: idParam, responses: { 204: null }, errors: [404] },

  { method: 'get', path: '/api/crm-sites', summary: 'CRM site configurations', access: ALL_ROLES, responses: { 200: CrmSiteList } },
  { method: 'post', path: '/api/crm-sites', summary: 'Add a CRM site (client-generated id)', access: ['supervisor'], body: CrmSite, responses: { 201: CrmSiteResponse }, errors: [409] },
  { method: 'put', path: '/api/crm-sites/{id}', summary: 'Replace a CRM site', access: ['supervisor'], params: idParam, body: CrmSite, responses: { 200: CrmSiteResponse }, errors: [404] },
  { method: 'delete', path: '/api/crm-sites/{id}', summary: 'Delete a CRM site', access: ['supervisor'], params: idParam, responses: { 204: null }, errors: [404] },

  { method: 'post', path: '/api/sync/push', summary: "The extension's outbox, applied idempotently", access: ['agent', 'supervisor'], body: SyncPushRequest, responses: { 200: SyncPushResponse } },
  {
    method: 'get', path: '/api/sync/pull', summary: "The caller's own accepted cases and reminders since a cursor",
    access: ['agent', 'supervisor'], query: SyncPullQuery, responses: { 200: SyncPullResponse }, errors: [400],
  },
  {
    method: 'get', path: '/api/cases', summary: 'Cases with filters, full-text search and a cursor: agents their own, trainers with phones masked',
    access: CASE_READERS, query: CaseListQuery, responses: { 200: CaseListResponse }, errors: [400],
  },
  { method: 'get', path: '/api/cases/{id}', summary: 'One case', access: CASE_READERS, params: idParam, responses: { 200: z.object({ case: StoredCase }) }, errors: [404] },
  { method: 'get', path: '/api/cases/{id}/reviews', summary: "Trainers' reviews of a case", access: ['trainer', 'supervisor'], params: idParam, responses: { 200: ReviewList }, errors: [404] },
  { method: 'post', path: '/api/cases/{id}/reviews', summary: 'Review a case', access: ['trainer'], params: idParam, body: ReviewCreateRequest, responses: { 201: ReviewResponse }, errors: [404, 409] },
  {
    method: 'put', path: '/api/cases/{id}/reviews/{reviewId}', summary: 'Edit your review', access: ['trainer'],
    params: z.object({ id: Id, reviewId: Id }), body: ReviewUpdateRequest, responses: { 200: ReviewResponse }, errors: [404],
  },
  { method: 'get', path: '/api/reminders', summary: "The agent's own follow-up reminders, soonest due first", access: ['agent'], responses: { 200: ReminderList } },
  { method: 'get', path: '/api/case-history', summary: "A caller's earlier complaints by phone digits, summaries only", access: ['agent', 'supervisor'], query: CaseHistoryQuery, responses: { 200: CaseHistoryResponse } },

  { method: 'get', path: '/api/users', summary: 'Every user', access: ['admin'], responses: { 200: UserAccountList } },
  { method: 'post', path: '/api/users', summary: 'Create a user; the generated password is shown once', access: ['admin'], body: UserCreateRequest, responses: { 201: GeneratedPasswordResponse }, errors: [409] },
  { method: 'patch', path: '/api/users/{id}', summary: 'Change role, disable or re-enable', access: ['admin'], params: idParam, body: UserUpdateRequest, responses: { 200: UserAccountResponse }, errors: [404, 409] },
  { method: 'post', path: '/api/users/{id}/password', summary: 'Reset the password; shown once, every sign-in ended', access: ['admin'], params: idParam, responses: { 200: GeneratedPasswordResponse }, errors: [404] },
];

/** The shared error body, for documenting every 4xx. */
export const ERROR_SCHEMA = ApiError;
