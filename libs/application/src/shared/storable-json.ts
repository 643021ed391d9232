import { MAX_JSON_DEPTH } from '#config';
/** A lone UTF-16 surrogate (one not part of a pair): not text, and PostgreSQL refuses it. */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export interface JsonProblem {
  path: string;
  message: string;
}

/**
 * What JSON.parse accepts but the log cannot hold, found in one pass before any schema, hash or SQL
 * sees it: nesting past MAX_JSON_DEPTH (validation and canonical JSON recurse, and would overflow
 * the stack), numbers JSON parses to Infinity (`1e400`), and lone UTF-16 surrogates (`"\ud800"`,
 * which PostgreSQL refuses as text and jsonb). Both doors use it: HTTP bodies and Kafka messages.
 * The walk is a loop, not a recursion, so the depth it measures cannot overflow it.
 */
export function unstorableJson(value: unknown): JsonProblem | undefined {
  const pending: Array<{ value: unknown; path: string[]; depth: number }> = [{ value, path: [], depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    const at = next.path.join('.');
    if (typeof next.value === 'string' && LONE_SURROGATE.test(next.value)) {
      return { path: at, message: 'Contains a lone UTF-16 surrogate, which is not text' };
    }
    if (typeof next.value === 'number' && !Number.isFinite(next.value))
      return { path: at, message: 'A number too large to represent' };
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= MAX_JSON_DEPTH)
      return { path: at, message: `Nested deeper than ${MAX_JSON_DEPTH} levels` };
    for (const [key, child] of Object.entries(next.value)) {
      const path = [...next.path, key];
      if (LONE_SURROGATE.test(key))
        return { path: path.join('.'), message: 'A field name with a lone UTF-16 surrogate' };
      pending.push({ value: child, path, depth: next.depth + 1 });
    }
  }
  return undefined;
}
