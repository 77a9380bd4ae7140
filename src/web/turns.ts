// Requests take turns on the event loop, so that new connections are accepted under load.
// libuv (since 1.45, Node 20) accepts one new connection per event-loop iteration, and an iteration
// runs every request whose bytes have arrived. A request that holds the loop for milliseconds (SQLite
// is synchronous: a common-word search at 1M articles takes ~13 ms) makes an iteration under load one
// round of every busy keep-alive client, and a new connection waits in the accept queue one round per
// connection ahead of it: in bench:scale, 25 of 64 clients got no answer within 10 s while the other
// 39 were served every ~0.5 s. So a request starts at once only while nobody waits and the current
// iteration has run less than the budget; otherwise it waits, in arrival order, and waiting requests
// start in later iterations, a budget's worth each, with the loop polling (and accepting) in between.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Synchronous work an iteration may run before new requests wait for the next one. */
const TURN_BUDGET_MS = 5;

export interface Turns {
  /** Calls `start` when this request may run: at once, or in a later event-loop iteration. */
  take(start: () => void): void;
}

export function createTurns(budgetMs = TURN_BUDGET_MS, now: () => number = () => performance.now()): Turns {
  const waiting: Array<() => void> = [];
  // When the current iteration's first request started; cleared in the same iteration's check phase.
  let turnStartedAt: number | undefined;
  let startedThisTurn = 0;
  // Recent synchronous work per started request (ms): how many waiting requests fit in one budget.
  let costMs = budgetMs;

  function beginTurn(at: number): void {
    turnStartedAt = at;
    startedThisTurn = 0;
    setImmediate(endTurn);
  }

  function start(request: () => void): void {
    startedThisTurn++;
    request();
  }

  // Runs in the check phase, after the iteration's requests have done their synchronous work.
  function endTurn(): void {
    const at = now();
    if (startedThisTurn > 0) costMs = 0.8 * costMs + 0.2 * ((at - turnStartedAt!) / startedThisTurn);
    turnStartedAt = undefined;
    if (waiting.length === 0) return;
    // As many waiting requests as fit in a budget, at least one: starting one per iteration would
    // add an iteration's overhead to every cheap request under load.
    beginTurn(at);
    const fit = Math.max(1, Math.floor(budgetMs / Math.max(costMs, 0.01)));
    for (let i = 0; i < fit && waiting.length > 0; i++) start(waiting.shift()!);
  }

  return {
    take(request) {
      const at = now();
      // Nobody waits when no turn is under way: endTurn begins one for every waiting request.
      if (turnStartedAt === undefined) beginTurn(at);
      else if (waiting.length > 0 || at - turnStartedAt >= budgetMs) return void waiting.push(request);
      start(request);
    },
  };
}

/**
 * Makes the requests of Fastify's server take turns before Fastify sees them: a waiting request
 * holds only Node's request and response, not Fastify's objects (held across the young
 * generation's collections, those raised a cached-page load's peak RSS from 188 to 274 MB). A
 * second address Fastify binds for a host name (localhost's ::1 beside 127.0.0.1) gets a server of
 * its own, which this does not reach: its requests do not wait.
 */
export function takeTurns(server: Server, turns: Turns = createTurns()): void {
  type Listener = (request: IncomingMessage, response: ServerResponse) => void;
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) =>
    turns.take(() => listeners.forEach((listener) => listener.call(server, request, response))));
}
