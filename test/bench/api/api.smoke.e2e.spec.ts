import { apiBench } from './api.bench.js';

/** The benchmark in miniature against `npm start`'s server, so `npm run bench -- api` cannot rot between full runs. */
describe('api benchmark (smoke)', () => {
  // The server runs from dist/, as `npm start` runs it: built once by jest's globalSetup.
  it('measures every rate and the saturation, every command succeeding, and prints the table', async () => {
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
    expect(result.rows.map((r) => r.rate ?? `${r.connections} connections`)).toEqual([20, 40, '4 connections']);
    for (const row of result.rows) {
      expect({ row: row.rate ?? 'saturation', errors: row.errors, samples: row.errorSamples }).toEqual({ row: row.rate ?? 'saturation', errors: 0, samples: [] });
      for (const figure of [row.achievedPerSecond, row.p50Ms, row.p90Ms, row.p99Ms, row.maxMs]) expect(figure.median).toBeGreaterThan(0);
      expect(row.sent).toBeGreaterThan(0);
    }
    expect(result.saturationPerSecond.median).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/commands\/s median/);
  }, 120_000);
});
