import type { CrmSite } from './crm-site';

/**
 * The demo CRM page the plugin server serves at /demo/crm, described the way any CRM is: by a
 * URL pattern and capture rules. It ships as the extension's built-in site so a newcomer can try
 * Lingting before configuring their own CRM.
 */
export const DEMO_CRM_SITE: CrmSite = {
  id: '00000000-0000-4000-8000-00000000c4a0',
  name: 'Lingting demo CRM',
  urlPattern: '*://127.0.0.1/demo/*',
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

/**
 * Where the extension's manifest runs its content script without any configuration: the demo
 * CRM, on this machine. Other CRMs get the script registered at run time.
 */
export const DEMO_CRM_PATTERNS = ['*://127.0.0.1/demo/*', '*://localhost/demo/*'];
