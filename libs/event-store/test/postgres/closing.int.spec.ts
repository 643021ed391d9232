import { createHook } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestPostgres } from '../../../../test/support/embedded-postgres.js';
import { createDatabase } from '../../src/embedded/create-database.js';
import { migrateEventStore } from '../../src/postgres/migrate.js';
import { PostgresEventStore } from '../../src/postgres/postgres-event-store.js';

// A process that closes its store and then stops its embedded server (npm start, the benches) must
// not report the server's goodbye to connections it has already let go as a background error.
// pg-pool's end() resolves before its clients' sockets have closed, so the goodbye ("terminating
// connection due to administrator command") does reach them.

/**
 * Watches the TCP sockets this test opens, and only those: a socket another file of the same jest
 * worker left open must not hold the wait up (it did, once, on Node 24), nor close in its place.
 */
function watchTcpSockets(): { open: Set<number>; stop: () => void } {
  const open = new Set<number>();
  const hook = createHook({
    init: (id, type) => void (type === 'TCPWRAP' && open.add(id)),
    destroy: (id) => void open.delete(id),
  }).enable();
  return { open, stop: () => hook.disable() };
}

/**
 * Waits for what the test is about instead of a fixed delay: every TCP socket the round opened
 * closed (the embedded server talks to us over pipes, the store over TCP), then one more turn of the
 * event loop, so an error the closing sockets raise has been delivered before the assertion. Fails if
 * the sockets stay open.
 */
async function socketsClosed(open: Set<number>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (open.size > 0) {
    if (Date.now() > deadline)
      throw new Error(`${open.size} of the store's sockets still open after ${timeoutMs} ms`);
    await sleep(10);
  }
  await new Promise((resolve) => setImmediate(resolve));
  await sleep(0);
}

it('reports nothing once closed, when the server stops right after', async () => {
  const failures: unknown[] = [];
  for (let round = 0; round < 3; round++) {
    const server = await startTestPostgres();
    const url = await createDatabase(server.url, 'event_store');
    await migrateEventStore(url);
    const errors: unknown[] = [];
    const sockets = watchTcpSockets();
    const store = new PostgresEventStore({
      connection: { connectionString: url },
      poolSize: 10,
      onBackgroundError: (error) => errors.push(error),
    });
    await Promise.all(Array.from({ length: 10 }, () => store.headPosition())); // ten idle connections
    await store.close();
    await server.stop();
    await socketsClosed(sockets.open);
    sockets.stop();
    failures.push(...errors);
  }
  expect(failures).toEqual([]);
}, 60_000);
