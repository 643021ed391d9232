import { apiBench } from './api.bench.js';

/** The benchmark in miniature against `npm start`'s server, so `npm run bench -- api` cannot rot between full runs. */
describe('api benchmark (smoke)', () => {
  // The server runs from dist/, as `npm start` runs it: built once by jest's globalSetup.
  it('measures every rate, the saturation and complaints with and without repeats, every command succeeding, and prints the tables', async () => {
    const lines: string[] = [];
    const result = await apiBench({
      runs: 1,
      secondsPerRate: 1,
      rates: [20, 40],
      saturationConnections: [4],
      warmUpSeconds: 0.5,
      correspondents: 5,
      log: (line) => lines.push(line),
    });
    expect(result.rows.map((r) => r.rate ?? `${r.connections} connections`)).toEqual([
      20,
      40,
      '4 connections',
    ]);
    for (const row of result.rows) {
      expect({ row: row.rate ?? 'saturation', errors: row.errors, samples: row.errorSamples }).toEqual({
        row: row.rate ?? 'saturation',
        errors: 0,
        samples: [],
      });
      for (const figure of [row.achievedPerSecond, row.p50Ms, row.p90Ms, row.p99Ms, row.maxMs])
        expect(figure.median).toBeGreaterThan(0);
      expect(row.sent).toBeGreaterThan(0);
    }
    expect(result.saturationPerSecond.median).toBeGreaterThan(0);
    // The session counter over every measured window: a count, whatever it is.
    for (const row of result.rows)
      for (const n of row.counters.sessionsOpened) expect(n).toBeGreaterThanOrEqual(0);

    // POST /cases alone, without repeats and with every fourth a repeat (issue 21).
    const [noRepeat, repeatHeavy] = result.repeatHeavy.rows;
    expect([noRepeat!.mix, repeatHeavy!.mix]).toEqual(['no-repeat', 'repeat-heavy']);
    for (const row of [noRepeat!, repeatHeavy!]) {
      expect({ mix: row.mix, errors: row.errors, samples: row.errorSamples }).toEqual({
        mix: row.mix,
        errors: 0,
        samples: [],
      });
      for (const figure of [row.achievedPerSecond, row.p50Ms, row.p99Ms])
        expect(figure.median).toBeGreaterThan(0);
      expect(row.counters.sessionsOpened).toHaveLength(1);
      expect(row.counters.sessionsOpened[0]).toBeGreaterThanOrEqual(0);
    }
    expect(noRepeat!.joined).toBe(0);
    // Complainers who write again join their open case; in one process a repeat waits for its first
    // complaint's turn on the complainant's stream instead of racing it, so nothing is refused.
    expect(repeatHeavy!.joined).toBeGreaterThan(0);
    expect(repeatHeavy!.counters.conflicts[0]).toBe(0);
    expect(repeatHeavy!.counters.retries[0]).toBe(0);
    expect(result.repeatHeavy.ratio.ofMedians).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/commands\/s median/);
    expect(lines.join('\n')).toMatch(/repeat-heavy ÷ no-repeat answered\/s: \d/);
  }, 120_000);
});
