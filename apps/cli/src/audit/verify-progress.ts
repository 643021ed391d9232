import type { VerificationProgress } from '#audit';
import type { CliIo } from './cli-io.js';

export interface ProgressReporter {
  update(progress: VerificationProgress): void;
  done(progress: VerificationProgress): void;
}

const BAR_WIDTH = 30;
const number = new Intl.NumberFormat('en-US');

/**
 * On a terminal, a bar redrawn in place at most ten times a second; in a log (CI, a pipe), a plain
 * line every `lineEveryMs`, because carriage returns make a log unreadable. Both show events/s.
 */
export function verifyProgress(
  stream: CliIo['stderr'],
  total: number,
  lineEveryMs = 2000,
  now: () => number = Date.now,
): ProgressReporter {
  const started = now();
  let lastDrawn = Number.NEGATIVE_INFINITY;
  const rate = (events: number) => Math.round(events / Math.max((now() - started) / 1000, 0.001));
  const describe = (p: VerificationProgress) =>
    `${number.format(p.eventsChecked)}/${number.format(total)} events, ${number.format(p.streamsChecked)} streams, ${number.format(rate(p.eventsChecked))} events/s`;
  if (stream.isTTY) {
    const draw = (p: VerificationProgress) => {
      const share = total === 0 ? 1 : Math.min(p.eventsChecked / total, 1);
      const filled = Math.round(share * BAR_WIDTH);
      stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${describe(p)}\x1b[K`,
      );
    };
    return {
      update: (p) => {
        if (now() - lastDrawn < 100) return;
        lastDrawn = now();
        draw(p);
      },
      done: (p) => {
        draw(p);
        stream.write('\n');
      },
    };
  }
  return {
    update: (p) => {
      if (now() - lastDrawn < lineEveryMs) return;
      lastDrawn = now();
      stream.write(`verifying: ${describe(p)}\n`);
    },
    done: (p) => stream.write(`verified: ${describe(p)}\n`),
  };
}
