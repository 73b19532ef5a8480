import { z } from 'zod';
import { MATCH_PATTERN } from './match-pattern';
import { Id, label, plainText } from './primitives';

/**
 * How to find one value on a CRM page. `path` is a list of CSS selectors: each one after the
 * first is applied inside the open shadow root (or same-origin iframe document) of the element
 * the previous one matched. `read` says whether the value is the element's text or its value.
 */
export const CaptureRule = z.object({
  path: z.array(plainText(500).trim().min(1)).min(1).max(10),
  read: z.enum(['text', 'value']).default('text'),
});
export type CaptureRule = z.infer<typeof CaptureRule>;

export const CapturedField = z.enum(['customerName', 'phone', 'project', 'unit', 'crmRecordId']);
export type CapturedField = z.infer<typeof CapturedField>;

/** A CRM described by configuration: where it lives and how to read a customer from it. */
export const CrmSite = z.object({
  id: Id,
  name: label(80),
  /** A match pattern as browsers define them, e.g. `https://crm.example.com/*`. */
  urlPattern: z.string().regex(MATCH_PATTERN, 'a match pattern like https://crm.example.com/*'),
  fields: z.partialRecord(CapturedField, CaptureRule),
  replyBox: CaptureRule.nullable(),
});
export type CrmSite = z.infer<typeof CrmSite>;
