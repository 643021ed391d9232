import {
  formatDuration,
  pace,
  printRebuildProgress,
  progressBar,
  progressLine,
} from './rebuild-progress-printer.js';

describe('rebuild progress', () => {
  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('reckons events/s from events applied and the ETA from how fast positions advance', () => {
    // 40 000 positions in 2 s from a resumed start at 10 000: 20 000 positions/s, 50 000 left → 2.5 s.
    expect(
      pace({
        position: 50_000,
        target: 100_000,
        eventsApplied: 39_000,
        elapsedSeconds: 2,
        startPosition: 10_000,
      }),
    ).toEqual({ eventsPerSecond: 19_500, etaSeconds: 2.5, percent: 50 });
    expect(
      pace({ position: 0, target: 100, eventsApplied: 0, elapsedSeconds: 1, startPosition: 0 }),
    ).toMatchObject({ etaSeconds: null, percent: 0 });
  });

  it('draws a bar for a terminal and a plain sentence for a log', () => {
    const p = {
      position: 50_000,
      target: 100_000,
      eventsApplied: 40_000,
      elapsedSeconds: 2,
      startPosition: 0,
    };
    expect(progressBar(p, 10)).toBe('[#####-----]  50% 50000/100000 · 20000 events/s · ETA 0:02');
    expect(progressLine(p)).toBe(
      'rebuild: position 50000 of 100000 (50%), 40000 events applied, 20000 events/s, ETA 0:02',
    );
  });

  it('redraws in place on a TTY and writes whole lines, at most one a second, elsewhere', () => {
    let now = 0;
    const tty: string[] = [];
    const pipe: string[] = [];
    const onTty = printRebuildProgress(
      { isTTY: true, write: (t: string) => tty.push(t) },
      { now: () => now },
    );
    const onPipe = printRebuildProgress(
      { isTTY: false, write: (t: string) => pipe.push(t) },
      { now: () => now },
    );
    for (const sink of [onTty, onPipe])
      sink.started({ projections: ['case-timeline'], resumed: [], position: 0, target: 10 });
    for (now = 200; now <= 1400; now += 200)
      for (const sink of [onTty, onPipe])
        sink.advanced({ position: now / 200, target: 10, eventsApplied: now / 200 });
    for (const sink of [onTty, onPipe])
      sink.finished({ projections: ['case-timeline'], position: 10, eventsApplied: 10, seconds: 1.5 });
    expect(tty.filter((t) => t.startsWith('\r'))).toHaveLength(7);
    expect(pipe.filter((t) => t.startsWith('rebuild: position'))).toHaveLength(1);
    expect(pipe.at(-1)).toBe(
      'rebuild done: case-timeline swapped in at position 10; 10 events in 1.5 s (7 events/s)\n',
    );
    expect(tty.at(-1)).toBe(pipe.at(-1));
  });
});
