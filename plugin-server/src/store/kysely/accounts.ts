import type { Kysely, Selectable, Transaction } from 'kysely';
import { UserAccount } from '../../../../shared';
import type { Database, UsersTable } from '../schema';
import type { AccountRepository, KeptSignIn } from '../types';

const toAccount = (row: Selectable<UsersTable>) =>
  UserAccount.parse({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at != null,
  });

/** Ends every sign-in of the user, its bearer tokens and its cookie sessions, but `keep`. */
async function revokeAll(trx: Transaction<Database>, userId: string, now: Date, keep?: KeptSignIn) {
  const at = now.toISOString();
  let tokens = trx.updateTable('tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keep && 'tokenHash' in keep) tokens = tokens.where('token_hash', '!=', keep.tokenHash);
  await tokens.execute();
  let sessions = trx.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keep && 'sessionHash' in keep) sessions = sessions.where('session_hash', '!=', keep.sessionHash);
  await sessions.execute();
}

/** Admins' management of users over Kysely. */
export function createAccountRepository(db: Kysely<Database>): AccountRepository {
  return {
    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
      return rows.map(toAccount);
    },
    async get(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },
    async setRole(id, role) {
      await db.updateTable('users').set({ role }).where('id', '=', id).execute();
    },
    async setDisabled(id, disabled, now) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ disabled_at: disabled ? now.toISOString() : null }).where('id', '=', id).execute();
        if (disabled) await revokeAll(trx, id, now);
      });
    },
    async setPasswordHash(id, passwordHash, now, keep) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
        await revokeAll(trx, id, now, keep);
      });
    },
  };
}
