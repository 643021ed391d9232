import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * When `npm start` is killed with SIGKILL, its embedded PostgreSQL lives on, orphaned (its parent is
 * then init, pid 1), still holding DATA_DIR. The next start asks that server for a fast shutdown
 * (SIGINT: roll back open transactions, checkpoint, exit) and waits for it, so no committed data is
 * lost and the data directory is handed over cleanly. A server whose parent is still alive belongs
 * to another running instance and is left alone.
 */
export async function stopOrphanedPostgres(dataDir: string, timeoutMs = 30_000): Promise<boolean> {
  const pid = await postmasterPid(dataDir);
  if (pid === undefined || !alive(pid) || (await parentOf(pid)) !== 1) return false;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`The orphaned PostgreSQL (pid ${pid}) on ${dataDir} did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

async function postmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(
      (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '',
      10,
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The parent pid from /proc (Linux); undefined elsewhere, which leaves the server alone. */
async function parentOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
