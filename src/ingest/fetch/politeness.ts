// Being a good citizen towards the sites we poll: a per-host limit on concurrent requests and a
// minimum gap between requests to one host, exponential backoff with jitter after errors,
// Retry-After honoured, and a refresh interval taken from what the feed and server ask for.

export type HostGateOptions = {
  concurrency?: number;
  minIntervalMs?: number;
  /** Clock and timer, replaceable in tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

type HostState = { active: number; lastStart: number; waiting: (() => void)[] };

/**
 * Runs tasks so that at most `concurrency` (default 2) run against one host at a time and
 * successive starts against one host are at least `minIntervalMs` (default 1 s) apart.
 */
export function createHostGate({ concurrency = 2, minIntervalMs = 1000, now = Date.now, sleep = realSleep }: HostGateOptions = {}) {
  const hosts = new Map<string, HostState>();

  async function acquire(host: string): Promise<HostState> {
    let state = hosts.get(host);
    if (!state) hosts.set(host, (state = { active: 0, lastStart: -Infinity, waiting: [] }));
    while (state.active >= concurrency) await new Promise<void>((wake) => state.waiting.push(wake));
    state.active++;
    const wait = state.lastStart + minIntervalMs - now();
    state.lastStart = Math.max(now(), state.lastStart + minIntervalMs);
    if (wait > 0) await sleep(wait);
    return state;
  }

  function release(host: string, state: HostState): void {
    state.active--;
    const next = state.waiting.shift();
    if (next) next();
    else if (state.active === 0 && now() - state.lastStart >= minIntervalMs) hosts.delete(host);
  }

  return {
    /** Runs `task` when the host of `url` has a free slot. */
    async run<T>(url: string | URL, task: () => Promise<T>): Promise<T> {
      const host = new URL(url).host.toLowerCase();
      const state = await acquire(host);
      try {
        return await task();
      } finally {
        release(host, state);
      }
    },
  };
}

export type HostGate = ReturnType<typeof createHostGate>;

/**
 * Delay before retry number `attempt` (0-based): base·2^attempt capped at `maxMs`, with "equal
 * jitter" (half fixed, half random) so many failing sources do not retry in lockstep.
 */
export function backoffDelay(attempt: number, { baseMs = 60_000, maxMs = 24 * 3600_000, random = Math.random } = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After (delta seconds or an HTTP date) in milliseconds from `now`; null when unusable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/** max-age of a Cache-Control header in seconds; null when absent, no-cache or no-store. */
export function cacheMaxAge(cacheControl: string | null | undefined): number | null {
  const directives = (cacheControl ?? '').toLowerCase();
  if (/\b(no-cache|no-store)\b/.test(directives)) return null;
  const match = /(?:^|[\s,])max-age\s*=\s*"?(\d+)/.exec(directives);
  return match ? Number(match[1]) : null;
}

const PERIOD_MINUTES: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10_080, monthly: 43_200, yearly: 525_600 };

export type RefreshSignals = {
  /** RSS <ttl>, minutes. */
  ttlMinutes?: number | null;
  /** sy:updatePeriod (hourly, daily, ...) and sy:updateFrequency (times per period). */
  updatePeriod?: string | null;
  updateFrequency?: number | null;
  /** HTTP Cache-Control max-age, seconds. */
  maxAgeSeconds?: number | null;
};

export type RefreshBounds = { defaultMinutes?: number; minMinutes?: number; maxMinutes?: number };

/**
 * Minutes until a feed should be polled again: the longest interval the feed or server asks
 * for (ttl, sy:updatePeriod/updateFrequency, max-age), or the default, kept within bounds
 * (15 minutes to 1 day by default) so no feed is hammered or forgotten.
 */
export function feedRefreshInterval(signals: RefreshSignals, { defaultMinutes = 60, minMinutes = 15, maxMinutes = 1440 }: RefreshBounds = {}): number {
  const asked: number[] = [];
  if (signals.ttlMinutes && signals.ttlMinutes > 0) asked.push(signals.ttlMinutes);
  const period = PERIOD_MINUTES[signals.updatePeriod?.trim().toLowerCase() ?? ''];
  if (period) asked.push(period / Math.max(1, signals.updateFrequency ?? 1));
  if (signals.maxAgeSeconds && signals.maxAgeSeconds > 0) asked.push(signals.maxAgeSeconds / 60);
  const minutes = asked.length ? Math.max(...asked) : defaultMinutes;
  return Math.round(Math.min(maxMinutes, Math.max(minMinutes, minutes)));
}
