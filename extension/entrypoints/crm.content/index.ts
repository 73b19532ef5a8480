import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEMO_CRM_PATTERN } from '../../../shared/demo-crm';
import { startCrmOverlay } from '../../overlay/crm-overlay';
import { startScriptLifetime } from '../../overlay/script-lifetime';
import { extensionAlive } from '../../platform/content-messaging';

export default defineContentScript({
  // The built-in demo CRM. CRMs configured on the server run this same script, registered at
  // run time by the background (services/crm-sites.ts) once the agent grants their origin.
  matches: [DEMO_CRM_PATTERN],
  runAt: 'document_idle',
  main() {
    const lifetime = startScriptLifetime(window, extensionAlive);
    void startCrmOverlay({ doc: document, signal: lifetime.signal, onLocationChange: lifetime.onNavigate });
  },
});
