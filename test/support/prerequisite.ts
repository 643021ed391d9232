// One rule for everything a test needs from the machine (a Kafka broker, the machine's PostgreSQL 15,
// Java, a browser, an EventStoreDB server):
// - present → the tests run;
// - missing under CI (env CI exactly the string 'true', what .ci/run and the usual CI services set)
//   → the tests FAIL, saying what is missing: CI promised it, and a skip there proves nothing;
// - missing anywhere else → the tests are skipped with a banner in the run's output.

export type Availability = { ok: true } | { ok: false; reason: string };

/** Whether this run is CI: env CI is exactly 'true'. The only place this is decided. */
export function underCi(): boolean {
  return process.env.CI === 'true';
}

function banner(lines: string[]): string {
  const bar = '!'.repeat(100);
  return `\n${bar}\n${lines.map((l) => `!!! ${l}`).join('\n')}\n${bar}\n`;
}

/** The message of a missing prerequisite, for a failure under CI. */
export function missingMessage(name: string, reason: string): string {
  return `${name} is missing: ${reason}. CI=true requires it: these tests must run, not skip.`;
}

/**
 * For a hook or helper that found `name` missing: throws under CI, otherwise prints the skip banner
 * (the caller then skips its tests).
 */
export function requirePrerequisite(name: string, availability: Availability, what = 'tests'): boolean {
  if (availability.ok) return true;
  if (underCi()) throw new Error(missingMessage(name, availability.reason));
  console.warn(
    banner([
      `SKIPPING ${what}: ${name} is missing (${availability.reason}).`,
      '(under CI=true they fail instead)',
    ]),
  );
  return false;
}

/**
 * `describe` that needs `name`; jest decides skipping while it collects tests, so `probe` runs
 * synchronously right there. Present → `describe`; missing under CI → one failing test saying why;
 * missing elsewhere → the banner and `describe.skip`.
 */
export function describeWithPrerequisite(
  name: string,
  probe: () => Availability,
  title: string,
  fn: () => void,
): void {
  const availability = probe();
  if (availability.ok) {
    describe(title, fn);
  } else if (underCi()) {
    describe(title, () => {
      it(`needs ${name}`, () => {
        throw new Error(missingMessage(name, availability.reason));
      });
    });
  } else {
    requirePrerequisite(name, availability, `"${title}"`);
    describe.skip(title, fn);
  }
}
