import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { WordingHintsGlobal } from '../overlay/wording-hints';
import { flagWordingAsTyped } from '../overlay/wording-hints';

// Loaded on demand by the content script at the agent's first keystroke on a page with wording
// rules: kept out of the content script, which every agent loads on every CRM page.
export default defineUnlistedScript(() => {
  (globalThis as WordingHintsGlobal).lingtingWording = flagWordingAsTyped;
});
