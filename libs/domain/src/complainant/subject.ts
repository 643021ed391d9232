/**
 * The key two subjects of one complainant are compared by (SPEC §3): lower-case, every whitespace
 * run (JavaScript's `\s`) collapsed to one space, trimmed, then a leading `re:` or `fwd:` and the
 * whitespace after it stripped, repeatedly. "  RE:  Fwd:re: Broken   Lid " → "broken lid".
 */
export function normaliseSubject(subject: string): string {
  let key = subject.toLowerCase().replace(/\s+/g, ' ').trim();
  for (let prefix = /^(?:re|fwd):\s*/.exec(key); prefix !== null; prefix = /^(?:re|fwd):\s*/.exec(key)) {
    key = key.slice(prefix[0].length);
  }
  return key;
}
