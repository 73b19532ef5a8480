import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { exposePicker } from '../overlay/picker-entry';

// Loaded on demand by the content script (`loadExtensionScript`) when a supervisor picks a value from a
// CRM page: kept out of the content script, which every agent loads on every CRM page.
export default defineUnlistedScript(() => exposePicker());
