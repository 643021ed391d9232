import fc from 'fast-check';

/**
 * fast-check arbitraries derived from the JSON Schemas of an OpenAPI document (3.0 or 3.1): values
 * the schema allows (`valid`), and values a hostile client sends (`hostile`: a valid value with one
 * field dropped, added, retyped or replaced by something the log cannot hold). Generic on purpose:
 * it reads `$ref`, `type` (also as a list, and `nullable`), `enum`, `const`, `format` (date-time,
 * uuid), `pattern`, lengths, `minimum`/`maximum`, `exclusiveMinimum`/`exclusiveMaximum` in both the
 * 3.0 boolean and the 3.1 numeric form, `required`, `additionalProperties`, `allOf`/`oneOf`/`anyOf`.
 */
export type Schema = Record<string, unknown>;

/** Written into JSON as text where JSON.stringify cannot write it (replaced after serialising). */
export const RAW = { infinity: '\u0001raw:1e400', negativeInfinity: '\u0001raw:-1e400' };

export class SchemaArbitraries {
  constructor(private readonly document: Schema) {}

  resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
      const path = (current.$ref as string).replace(/^#\//, '').split('/');
      current =
        path.reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.document) ??
        {};
    }
    return current;
  }

  /** Values the schema allows; its own `example` / `examples` (known good to the server) among them. */
  valid(input: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const examples = [
      ...('example' in schema ? [schema.example] : []),
      ...(Array.isArray(schema.examples) ? schema.examples : []),
    ];
    const generated = this.generated(schema, depth);
    return examples.length > 0
      ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...examples) }, { weight: 2, arbitrary: generated })
      : generated;
  }

  private generated(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    if ('const' in schema) return fc.constant(schema.const);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    if (Array.isArray(schema.allOf))
      return this.valid(Object.assign({}, ...(schema.allOf as Schema[]).map((s) => this.resolve(s))), depth);
    const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    if (Array.isArray(alternatives) && alternatives.length > 0)
      return fc.oneof(...alternatives.map((s) => this.valid(s, depth)));
    const types = Array.isArray(schema.type)
      ? (schema.type as string[])
      : schema.type
        ? [schema.type as string]
        : [];
    const nullable = schema.nullable === true || types.includes('null');
    const concrete = types.filter((t) => t !== 'null');
    const type = concrete[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
    const value = this.ofType(type, schema, depth);
    return nullable ? fc.oneof(value, fc.constant(null)) : value;
  }

  /** A valid value with one hostile change somewhere in it (or a hostile value outright). */
  hostile(input: Schema | undefined): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 1, arbitrary: hostileValue() },
      {
        weight: 4,
        arbitrary: fc
          .tuple(this.valid(input), fc.nat(), hostileValue(), fc.nat(3))
          .map(([value, at, bad, how]) => mutate(value, at, bad, how)),
      },
    );
  }

  private ofType(type: string | undefined, schema: Schema, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case 'string':
        return this.string(schema);
      case 'integer':
      case 'number':
        return numberWithin(schema, type === 'integer');
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const maxLength = Math.min(Number(schema.maxItems ?? 3), 3, depth > 3 ? 0 : 3);
        const minLength = Math.min(Number(schema.minItems ?? 0), maxLength);
        return fc.array(this.valid(schema.items as Schema, depth + 1), { minLength, maxLength });
      }
      case 'object':
        return this.object(schema, depth);
      default:
        return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
    }
  }

  private string(schema: Schema): fc.Arbitrary<string> {
    if (schema.format === 'date-time')
      return fc
        .date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2040-12-31T23:59:59Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    if (schema.format === 'date')
      return fc
        .date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2040-12-31T23:59:59Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    if (schema.format === 'uuid') return fc.uuid();
    const minLength = Number(schema.minLength ?? 0);
    const maxLength = Math.max(minLength, Math.min(Number(schema.maxLength ?? 40), 40));
    if (typeof schema.pattern === 'string') {
      try {
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length >= minLength && s.length <= Number(schema.maxLength ?? Infinity));
      } catch {
        // a pattern JavaScript cannot read: any string of the lengths
      }
    }
    return fc.string({ minLength, maxLength, unit: 'grapheme' });
  }

  private object(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const model = Object.fromEntries(
      Object.entries(properties).map(([key, sub]) => [key, this.valid(sub, depth + 1)]),
    );
    const known = fc.record(model, { requiredKeys: required.filter((key) => key in model) });
    const extra = schema.additionalProperties;
    if (!extra || depth > 2) return known;
    const extraValue =
      extra === true ? fc.jsonValue({ maxDepth: 1 }) : this.valid(extra as Schema, depth + 1);
    return fc
      .tuple(known, fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), extraValue, { maxKeys: 2 }))
      .map(([k, e]) => ({ ...e, ...k }));
  }
}

/** Bounds in both forms: 3.0 `exclusiveMinimum: true` beside `minimum`, 3.1 `exclusiveMinimum: 5`. */
export function numericBounds(schema: Schema): {
  min: number;
  max: number;
  minExcluded: boolean;
  maxExcluded: boolean;
} {
  const bound = (plain: unknown, exclusive: unknown, fallback: number) => {
    if (typeof exclusive === 'number') return { at: exclusive, excluded: true };
    if (typeof plain === 'number') return { at: plain, excluded: exclusive === true };
    return { at: fallback, excluded: false };
  };
  const low = bound(schema.minimum, schema.exclusiveMinimum, -1_000_000);
  const high = bound(schema.maximum, schema.exclusiveMaximum, 1_000_000);
  return { min: low.at, max: high.at, minExcluded: low.excluded, maxExcluded: high.excluded };
}

function numberWithin(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const { min, max, minExcluded, maxExcluded } = numericBounds(schema);
  if (integer) {
    const low = Math.ceil(minExcluded ? min + 1 : min);
    const high = Math.floor(maxExcluded ? max - 1 : max);
    const small = fc.integer({
      min: Math.max(low, -(2 ** 31)),
      max: Math.max(Math.min(high, 2 ** 31 - 1), Math.max(low, -(2 ** 31))),
    });
    return fc.oneof({ weight: 8, arbitrary: small }, { weight: 1, arbitrary: fc.constantFrom(low, high) });
  }
  return fc.double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true });
}

/** Values a hostile client sends in place of a field. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      null,
      '',
      ' ',
      '\u0000',
      '\ud800',
      'x\udfffy',
      '=HYPERLINK("http://x","a")',
      'x'.repeat(5000),
      -1,
      0,
      -0,
      1.5,
      2 ** 53 + 2,
      -(2 ** 63),
      true,
      [],
      {},
      [[[[[[[[[[]]]]]]]]]],
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:00:00-05:00',
      '2026-02-30T00:00:00Z',
      '2026-13-01',
      '99999999999999999999',
      '../../etc/passwd',
      "'; DROP TABLE event_store.events; --",
      RAW.infinity,
      RAW.negativeInfinity,
    ),
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.jsonValue({ maxDepth: 2 }),
  );
}

/** `value` with its `at`-th node changed: replaced by `bad`, dropped, or given an unknown sibling. */
function mutate(value: unknown, at: number, bad: unknown, how: number): unknown {
  const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const entries: Array<[string | number, unknown]> = Array.isArray(node)
      ? node.map((child, i) => [i, child])
      : Object.entries(node);
    for (const [key, child] of entries) {
      nodes.push({ parent: node as Record<string, unknown> | unknown[], key });
      visit(child);
    }
  };
  const copy = structuredClone(value);
  visit(copy);
  if (nodes.length === 0) return bad;
  const { parent, key } = nodes[at % nodes.length]!;
  if (how === 0 && !Array.isArray(parent)) delete parent[key as string];
  else if (how === 1 && !Array.isArray(parent)) parent[`unknown${String(key)}`] = bad;
  else (parent as Record<string | number, unknown>)[key] = bad;
  return copy;
}

/** JSON text of `value`, with the RAW placeholders written as the numbers JSON.stringify cannot write. */
export function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/"\\u0001raw:([^"]*)"/g, '$1');
}
