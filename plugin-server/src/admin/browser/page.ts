import { type Catalogue, wordsFor } from '../../../../shared/i18n';
import { Locale } from '../../../../shared/primitives';
import { type Api, createApi } from './api';

/** What every behaviour of an admin page works with: its words, where the pages are, the API. */
export interface AdminPage {
  w: Catalogue;
  /** `/admin` or `/prefix/admin`. */
  admin: string;
  api: Api;
}

/** The page as the server rendered it: the language from `<html lang>`, the paths from `<body>`'s data. */
export function readPage(document: Document): AdminPage {
  const { root = '', admin = '/admin' } = document.body.dataset;
  return { w: wordsFor(Locale.catch('en').parse(document.documentElement.lang)), admin, api: createApi(root) };
}
