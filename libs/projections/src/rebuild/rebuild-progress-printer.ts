import type { RebuildProgress } from './rebuild-projections.js';

export interface ProgressSnapshot {
  position: number;
  target: number;
  eventsApplied: number;
  elapsedSeconds: number;
  /** The position this run started from (a resumed rebuild does not start at 0). */
  startPosition: number;
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** Events per second so far, and the time left judged by how fast positions have advanced. */
export function pace(p: ProgressSnapshot): {
  eventsPerSecond: number;
  etaSeconds: number | null;
  percent: number;
} {
  const seconds = Math.max(p.elapsedSeconds, 1e-3);
  const covered = p.position - p.startPosition;
  const percent = p.target <= 0 ? 100 : Math.min(100, Math.floor((p.position / p.target) * 100));
  const etaSeconds = covered > 0 ? ((p.target - p.position) * seconds) / covered : null;
  return {
    eventsPerSecond: Math.round(p.eventsApplied / seconds),
    etaSeconds: etaSeconds === null ? null : Math.max(0, etaSeconds),
    percent,
  };
}

export function progressBar(p: ProgressSnapshot, width = 30): string {
  const { eventsPerSecond, etaSeconds, percent } = pace(p);
  const filled = Math.round((percent / 100) * width);
  const eta = etaSeconds === null ? '--:--' : formatDuration(etaSeconds);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${p.position}/${p.target} · ${eventsPerSecond} events/s · ETA ${eta}`;
}

export function progressLine(p: ProgressSnapshot): string {
  const { eventsPerSecond, etaSeconds, percent } = pace(p);
  const eta = etaSeconds === null ? 'unknown' : formatDuration(etaSeconds);
  return `rebuild: position ${p.position} of ${p.target} (${percent}%), ${p.eventsApplied} events applied, ${eventsPerSecond} events/s, ETA ${eta}`;
}

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A redrawn bar on a terminal; on a pipe or a log, a plain line at most every `lineEverySeconds`. */
export function printRebuildProgress(
  out: Output,
  options: { lineEverySeconds?: number; now?: () => number } = {},
): RebuildProgress {
  const now = options.now ?? Date.now;
  const every = (options.lineEverySeconds ?? 1) * 1000;
  let start = now();
  let startPosition = 0;
  let lastPrinted = 0;
  const snapshot = (s: { position: number; target: number; eventsApplied: number }): ProgressSnapshot => ({
    ...s,
    startPosition,
    elapsedSeconds: (now() - start) / 1000,
  });
  return {
    started(s) {
      start = now();
      startPosition = s.position;
      const resumed = s.resumed.length > 0 ? ` (resuming ${s.resumed.join(', ')} from ${s.position})` : '';
      out.write(
        `rebuild of ${s.projections.join(', ')}: replaying the log up to position ${s.target}${resumed}\n`,
      );
    },
    advanced(s) {
      const t = now();
      if (out.isTTY) {
        if (t - lastPrinted < 100) return;
        out.write(`\r${progressBar(snapshot(s))}\x1b[K`);
      } else {
        if (t - lastPrinted < every) return;
        out.write(`${progressLine(snapshot(s))}\n`);
      }
      lastPrinted = t;
    },
    finished(summary) {
      if (out.isTTY) out.write('\n');
      const rate = Math.round(summary.eventsApplied / Math.max(summary.seconds, 1e-3));
      out.write(
        `rebuild done: ${summary.projections.join(', ')} swapped in at position ${summary.position}; ${summary.eventsApplied} events in ${summary.seconds.toFixed(1)} s (${rate} events/s)\n`,
      );
    },
  };
}
