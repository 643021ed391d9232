// Stop / start / crash the local test broker from a test (broker-restart tests). They drive
// infra/kafka/stop.sh and start.sh, so they only work on the broker those scripts run: a local
// single broker (KAFKA_BROKERS unset, or one 127.0.0.1/localhost address).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { kafkaBrokers } from './kafka.js';

const run = promisify(execFile);
const KAFKA_DIR = fileURLToPath(new URL('../../../infra/kafka/', import.meta.url));

function localPort(): string {
  const brokers = kafkaBrokers();
  const match = brokers.length === 1 ? /^(127\.0\.0\.1|localhost):(\d+)$/.exec(brokers[0]!) : null;
  if (!match) {
    throw new Error(
      `broker-process helpers drive infra/kafka/*.sh and need a single local broker; KAFKA_BROKERS=${brokers.join(',')}`,
    );
  }
  return match[2]!;
}

async function script(name: string, args: string[] = [], timeoutMs = 120_000): Promise<string> {
  try {
    const { stdout } = await run(`${KAFKA_DIR}${name}`, args, {
      // The controller port follows the broker's (start.sh's defaults are 9092/9093): a test run on
      // another broker port never reaches for the controller port of someone else's broker.
      env: {
        ...process.env,
        KAFKA_PORT: localPort(),
        KAFKA_CONTROLLER_PORT: process.env.KAFKA_CONTROLLER_PORT ?? String(Number(localPort()) + 1),
      },
      timeout: timeoutMs,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`infra/kafka/${name} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, {
      cause: error,
    });
  }
}

/** Controlled shutdown (SIGTERM, SIGKILL after 20 s). Resolves when the process is gone. */
export function stopBroker(): Promise<string> {
  return script('stop.sh', [], 60_000);
}

/** SIGKILL at once: a crash, no controlled shutdown. */
export function killBroker(): Promise<string> {
  return script('stop.sh', ['--kill'], 30_000);
}

/** Starts the broker (no-op if already up); resolves once it answers a metadata request. */
export function startBroker(): Promise<string> {
  return script('start.sh', [], 120_000);
}

/** stop (or kill, with `{ crash: true }`), then start; resolves once the broker answers again. */
export async function restartBroker(options: { crash?: boolean } = {}): Promise<void> {
  await (options.crash ? killBroker() : stopBroker());
  await startBroker();
}
