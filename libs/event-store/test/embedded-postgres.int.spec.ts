import pg from 'pg';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/embedded/embedded-postgres.js';

async function answers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
    return rows[0]!.one;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'caseledger-embedded-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps a persistent directory and reuses it, also over the postmaster.pid of a killed server', async () => {
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    expect(await answers(first.url)).toBe(1);
    await first.stop();
    const initialisedAt = (await stat(join(dataDir, 'PG_VERSION'))).mtimeMs;

    // What a SIGKILLed server leaves behind: a pid file naming a process that no longer exists.
    await writeFile(join(dataDir, 'postmaster.pid'), `2147483646\n${dataDir}\n`);
    const second = await startEmbeddedPostgres({ dataDir, persistent: true });
    try {
      expect(second.port).not.toBe(0);
      expect(await answers(second.url)).toBe(1);
      expect((await stat(join(dataDir, 'PG_VERSION'))).mtimeMs).toBe(initialisedAt); // not initialised again
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('refuses a directory whose postmaster.pid names a live process', async () => {
    await writeFile(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
    await expect(startEmbeddedPostgres({ dataDir, persistent: true })).rejects.toThrow(/already running/);
    await rm(join(dataDir, 'postmaster.pid'));
  });
});
