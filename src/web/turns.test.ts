import assert from 'node:assert/strict';
import { request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import Fastify from 'fastify';
import { createTurns, takeTurns } from './turns.ts';

const nextIteration = () => new Promise<void>((resolve) => setImmediate(resolve));

test('requests start at once within the budget, and past it wait their turn in later event-loop iterations', async () => {
  let clock = 0;
  const turns = createTurns(5, () => clock);
  const started: string[] = [];
  const take = (name: string) => turns.take(() => started.push(name));

  take('a');
  clock = 4;
  take('b');
  assert.deepEqual(started, ['a', 'b'], 'within the budget: at once');

  clock = 5;
  take('c');
  take('d');
  assert.deepEqual(started, ['a', 'b'], 'the budget is spent: c and d wait');

  await nextIteration();
  assert.deepEqual(started, ['a', 'b', 'c'], 'one waiting request per iteration');
  take('e'); // arrives while d waits: behind it, whatever the budget says
  await nextIteration();
  assert.deepEqual(started, ['a', 'b', 'c', 'd']);
  await nextIteration();
  assert.deepEqual(started, ['a', 'b', 'c', 'd', 'e']);

  await nextIteration();
  await nextIteration();
  clock = 100;
  take('f');
  assert.deepEqual(started.at(-1), 'f', 'a new iteration with nobody waiting starts at once');

  // Cheap requests: a budget's worth of waiting ones start in one iteration, still in order.
  clock = 106;
  const cheap = Array.from({ length: 20 }, (_, i) => `g${i}`);
  for (const name of cheap) take(name);
  const perIteration: number[] = [];
  while (started.length < 6 + cheap.length) {
    const before = started.length;
    await nextIteration();
    perIteration.push(started.length - before);
  }
  assert.deepEqual(started.slice(6), cheap);
  assert.ok(Math.max(...perIteration) > 1, `started per iteration: ${perIteration.join(', ')}`);
});

/** GET / on `agent`, resolved once the answer has been read. */
const get = (port: number, agent: Agent) => new Promise<void>((resolve, reject) => {
  request({ port, host: '127.0.0.1', path: '/', agent }, (res) => res.resume().on('end', resolve)).on('error', reject).end();
});

/** Sends GET / on `agent` until `stop()`, counting answers. */
function keepAsking(port: number, agent: Agent) {
  let answered = 0;
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      await get(port, agent);
      answered++;
    }
  })();
  return { answered: () => answered, stop: () => { stopped = true; return done; } };
}

test('a new connection is answered while busy keep-alive clients hold the loop with slow requests', async () => {
  // libuv accepts one connection per iteration. Without turns, an iteration serves every busy client
  // (8 × 20 ms), so the 8 new connections wait round after round: 40 busy answers here, against 16.
  const app = Fastify();
  takeTurns(app.server);
  app.get('/', async () => {
    const until = performance.now() + 20;
    while (performance.now() < until); // synchronous work, as a SQLite query is
    return 'ok';
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const agents: Agent[] = [];
  try {
    const busy = Array.from({ length: 8 }, () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      return keepAsking(port, agent);
    });
    while (busy.some((b) => b.answered() === 0)) await new Promise((resolve) => setTimeout(resolve, 10));
    const before = busy.reduce((sum, b) => sum + b.answered(), 0);
    await Promise.all(Array.from({ length: 8 }, () => {
      const agent = new Agent({ keepAlive: false });
      agents.push(agent);
      return get(port, agent);
    }));
    const servedMeanwhile = busy.reduce((sum, b) => sum + b.answered(), 0) - before;
    await Promise.all(busy.map((b) => b.stop()));
    assert.ok(servedMeanwhile < 28, `busy clients got ${servedMeanwhile} answers before the 8 new connections got theirs`);
  } finally {
    for (const agent of agents) agent.destroy();
    await app.close();
  }
});
