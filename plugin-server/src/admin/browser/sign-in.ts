import { z } from 'zod';
import { SignInRequest } from '../../../../shared/api';
import { Role } from '../../../../shared/user';
import { ApiFailure } from './api';
import { busy, checked, Notice } from './feedback';
import type { AdminPage } from './page';

/** The sign-in form's `data-homes`: where each role with admin pages lands (the server's table). */
const Homes = z.partialRecord(Role, z.string());

/** The sign-in form: a cookie session, then the role's own pages; roles without pages are signed out again. */
export function signIn(form: HTMLFormElement, { w, api }: AdminPage) {
  return busy(form, w, async () => {
    const homes = Homes.parse(JSON.parse(form.dataset.homes ?? '{}'));
    const data = new FormData(form);
    const request = checked(SignInRequest, { username: data.get('username'), password: data.get('password') });
    try {
      const session = await api.signIn(request);
      const home = homes[session.user.role];
      if (!home) {
        // Agents and admins have no pages here: end the session rather than leave it lying about.
        await api.signOut();
        throw new Notice(w.admin.errorRoleHasNoPages);
      }
      // Back to the page that sent here (the server checked it is one of ours), or the role's own.
      location.assign(form.dataset.next || home);
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 401) throw new Notice(w.admin.errorSignIn);
      if (failure instanceof ApiFailure && failure.status === 429) throw new Notice(w.admin.errorThrottled);
      throw failure;
    }
  });
}

/** The header's sign-out button: ends the session and goes back to the sign-in page either way. */
export async function signOut({ admin, api }: AdminPage) {
  try {
    await api.signOut();
  } catch {
    // Already ended (or the server is away): the sign-in page shows where the user stands.
  }
  location.assign(admin);
}
