// A named lease that one process holds at a time (the scheduler's lock). The holder calls hold()
// more often than the TTL to keep it; a process that dies simply stops renewing and the lease
// expires, so nothing needs cleaning up after kill -9.
// On Redis: SET NX PX plus token-checked renewal. Otherwise: a row in the store's `locks` table,
// which works the same for SQLite and PostgreSQL (an advisory lock would pin a pooled connection).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Store } from '../store/db.ts';
import { redisPrefix } from './queue.ts';

export interface Lock {
  /** Takes the lease if it is free or expired, renews it if this process holds it; true when held. */
  hold(): Promise<boolean>;
  /** Gives the lease up (if held) and closes any connection of its own. */
  release(): Promise<void>;
}

export interface LockOptions {
  ttlMs: number;
  /** Redis URL; defaults to REDIS_URL. Without one the lease lives in the store. */
  redisUrl?: string;
}

export function createLock(store: Store, name: string, options: LockOptions): Lock {
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  return redisUrl ? createRedisLock(redisUrl, name, options.ttlMs) : createStoreLock(store, name, options.ttlMs);
}

/** One process's identity as a holder. */
function holderId(): string {
  return `${process.pid}:${randomUUID()}`;
}

// Renew when the key is ours, else take it only if absent: one atomic step.
const HOLD_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createRedisLock(redisUrl: string, name: string, ttlMs: number): Lock {
  // A short retry budget: a lock check that cannot reach Redis fails fast and counts as "not held".
  // Connection errors surface as hold() rejections (the scheduler reports them), not as events.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => {});
  const key = `${redisPrefix()}:lock:${name}`;
  const holder = holderId();
  return {
    async hold() {
      return (await redis.eval(HOLD_SCRIPT, 1, key, holder, String(ttlMs))) === 1;
    },
    async release() {
      try {
        await redis.eval(RELEASE_SCRIPT, 1, key, holder);
      } finally {
        redis.disconnect();
      }
    },
  };
}

export function createStoreLock(store: Store, name: string, ttlMs: number): Lock {
  const holder = holderId();
  return {
    async hold() {
      const now = new Date();
      const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
      // Insert, or take over a row that expired or is already ours; otherwise leave it alone.
      await store.db.insertInto('locks').values({ name, holder, expires_at: expiresAt })
        .onConflict((oc) => oc.column('name').doUpdateSet({ holder, expires_at: expiresAt })
          .where((eb) => eb.or([eb('locks.expires_at', '<', now.toISOString()), eb('locks.holder', '=', holder)])))
        .execute();
      const row = await store.db.selectFrom('locks').select('holder').where('name', '=', name).executeTakeFirst();
      return row?.holder === holder;
    },
    async release() {
      await store.db.deleteFrom('locks').where('name', '=', name).where('holder', '=', holder).execute();
    },
  };
}
