import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { insertApi, type InsertGlobal } from '../insert/insert-api';

// Loaded on demand by the content script at the first insertion or shortcut on a page: kept out
// of the content script, which every agent loads on every CRM page.
export default defineUnlistedScript(() => {
  (globalThis as InsertGlobal).lingtingInsert = insertApi;
});
