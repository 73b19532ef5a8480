import type { CrmSite } from './crm-site';

/**
 * Where the demo CRM lives: the plugin server's /demo/ pages on this machine. It is both the demo
 * site's pattern and where the extension's manifest runs its content script without any
 * configuration (other CRMs get the script registered at run time). Kept apart from the site so
 * the content script, which only needs the pattern, does not carry the site's rules.
 */
export const DEMO_CRM_PATTERN = '*://127.0.0.1/demo/*';

/**
 * The demo CRM page the plugin server serves at /demo/crm, described the way any CRM is: by a
 * URL pattern and capture rules. The server seeds it and the extension has it built in, under
 * this one id, so a newcomer can try Lingting before configuring their own CRM; a copy from the
 * server (which a supervisor may have edited) is the same site and replaces the built-in one.
 */
export const DEMO_CRM_SITE: CrmSite = {
  id: '00000000-0000-4000-8000-00000000c4a0',
  name: 'Lingting demo CRM',
  urlPattern: DEMO_CRM_PATTERN,
  fields: {
    // <dd data-field="customer-name"> in the record panel that is not hidden.
    customerName: { path: ['.crm-record:not([hidden]) [data-field="customer-name"]'], read: 'text' },
    phone: { path: ['.crm-record:not([hidden]) [data-field="phone"]'], read: 'text' },
    project: { path: ['.crm-record:not([hidden]) [data-field="project"]'], read: 'text' },
    unit: { path: ['.crm-record:not([hidden]) [data-field="unit"]'], read: 'text' },
    // The record number is an attribute-free read-only input in the record header.
    crmRecordId: { path: ['.crm-record:not([hidden]) input[name="record-id"]'], read: 'value' },
  },
  replyBox: { path: ['textarea#reply'], read: 'value' },
};
