// API tokens. The admin token is kept readable so `skim token` can show it again; the store file
// (or database) is the secret boundary, as for Miniflux's and Ghost's admin keys.
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { Db } from './articles.ts';

const ADMIN = 'admin';

/** The admin token, generated and stored on first call. `created` tells the caller to announce it. */
export async function ensureAdminToken(db: Db): Promise<{ token: string; created: boolean }> {
  const existing = await db.selectFrom('tokens').select('token').where('name', '=', ADMIN).executeTakeFirst();
  if (existing) return { token: existing.token, created: false };
  const token = `skim_${randomBytes(24).toString('base64url')}`;
  await db.insertInto('tokens').values({ name: ADMIN, token, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  // Another process may have won the race: return whatever is stored.
  const stored = await db.selectFrom('tokens').select('token').where('name', '=', ADMIN).executeTakeFirstOrThrow();
  return { token: stored.token, created: stored.token === token };
}

/** Constant-time comparison against every stored token (hashing equalizes the lengths). */
export async function isValidToken(db: Db, presented: string): Promise<boolean> {
  const rows = await db.selectFrom('tokens').select('token').execute();
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const p = digest(presented);
  return rows.some((r) => timingSafeEqual(digest(r.token), p));
}
