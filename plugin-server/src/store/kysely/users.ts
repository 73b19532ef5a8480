import type { Kysely, Selectable } from 'kysely';
import { User } from '../../../../shared';
import type { Database, UsersTable } from '../schema';
import type { NewUser, UserRepository } from '../types';

function toRow({ user, passwordHash, createdAt }: NewUser) {
  return {
    id: user.id,
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    password_hash: passwordHash,
    created_at: createdAt.toISOString(),
  };
}

/** Parsed, not cast: a row edited by hand with a bad role fails loudly here. */
export function toUser(row: Pick<Selectable<UsersTable>, 'id' | 'username' | 'display_name' | 'role'>): User {
  return User.parse({ id: row.id, username: row.username, displayName: row.display_name, role: row.role });
}

/** Users over Kysely. */
export function createUserRepository(db: Kysely<Database>): UserRepository {
  return {
    async create(user) {
      await db.insertInto('users').values(toRow(user)).execute();
    },

    async createInitial(users) {
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
        if (existing) return false;
        if (users.length > 0) await trx.insertInto('users').values(users.map(toRow)).execute();
        return true;
      });
    },

    async findByUsername(username) {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return row && { user: toUser(row), passwordHash: row.password_hash, disabled: row.disabled_at != null };
    },

    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      // SQLite answers a number, PostgreSQL a bigint as a string.
      return Number(row.n);
    },
  };
}


