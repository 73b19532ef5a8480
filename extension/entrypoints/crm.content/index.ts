import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEMO_CRM_SITE } from '../../../shared';
import { startCrmOverlay } from '../../overlay/crm-overlay';

export default defineContentScript({
  // The built-in demo CRM; CRMs configured on the server are registered at run time.
  matches: ['*://127.0.0.1/demo/*', '*://localhost/demo/*'],
  runAt: 'document_idle',
  main(ctx) {
    startCrmOverlay({ doc: document, site: DEMO_CRM_SITE, signal: ctx.signal });
  },
});
