import type { ClientBase } from 'pg';
import { describeTable, type ColumnDescriptor, type EntityClass } from '../read-models/read-model-table.js';
import { rowKey } from './fold-events.js';

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
export const qualified = (schema: string, table: string) => `${quote(schema)}.${quote(table)}`;

/**
 * json_to_recordset's columns: the batch travels as one JSON parameter, rows keyed by their
 * properties (JSON.stringify of the rows as they are, no re-keying), each cast to its column's type.
 */
const recordDefinition = (columns: ColumnDescriptor[]) =>
  columns.map((c) => `${quote(c.property)} ${c.type}`).join(', ');
const propertiesAsColumns = (columns: ColumnDescriptor[]) => columns.map((c) => quote(c.property)).join(', ');

/** pg hands bigint and numeric back as strings and timestamptz as Date; rows hold numbers and ISO strings. */
function fromSql(column: ColumnDescriptor, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'bigint':
    case 'numeric':
      return Number(value);
    case 'timestamptz':
      return (value instanceof Date ? value : new Date(String(value))).toISOString();
    default:
      return value;
  }
}

/** The stored rows with these primary keys, addressed by `rowKey`. */
export async function loadRows<Row extends object>(
  client: ClientBase,
  schema: string,
  entity: EntityClass,
  keys: string[][],
): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  if (keys.length === 0) return rows;
  const d = describeTable(entity);
  const [only, ...more] = d.primaryKey;
  // One key column (orders, cases): its values as one array. Composite keys travel as JSON records.
  const result =
    only && more.length === 0
      ? await client.query(
          `SELECT t.* FROM ${qualified(schema, d.table)} t WHERE t.${quote(only.column)} = ANY($1::${only.type}[])`,
          [keys.map((values) => values[0])],
        )
      : await client.query(
          `SELECT t.* FROM ${qualified(schema, d.table)} t JOIN json_to_recordset($1::json) AS k(${recordDefinition(d.primaryKey)}) ON ${d.primaryKey
            .map((c) => `t.${quote(c.column)} = k.${quote(c.property)}`)
            .join(' AND ')}`,
          [
            JSON.stringify(
              keys.map((values) => Object.fromEntries(d.primaryKey.map((c, i) => [c.property, values[i]]))),
            ),
          ],
        );
  for (const stored of result.rows as Record<string, unknown>[]) {
    const row = Object.fromEntries(d.columns.map((c) => [c.property, fromSql(c, stored[c.column])])) as Row;
    rows.set(rowKey(d.primaryKey.map((c) => String(stored[c.column]))), row);
  }
  return rows;
}

/**
 * Writes rows in one statement: new facts only (`insert-only`), or insert-or-replace. The rows go
 * in as one array per column (unnest): PostgreSQL reads those for about a third of what it spends
 * taking a JSON document apart row by row (json_to_recordset), which matters for the projector's
 * batches of thousands of orders. A table with an array column (unnest would flatten it) travels
 * as JSON instead.
 */
export async function writeRows(
  client: ClientBase,
  schema: string,
  entity: EntityClass,
  rows: object[],
  mode: 'insert-only' | 'upsert',
): Promise<void> {
  if (rows.length === 0) return;
  const d = describeTable(entity);
  const names = d.columns.map((c) => quote(c.column)).join(', ');
  const keyColumns = d.primaryKey.map((c) => quote(c.column)).join(', ');
  const others = d.columns.filter((c) => !c.primary);
  const onConflict =
    mode === 'insert-only' || others.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${others.map((c) => `${quote(c.column)} = EXCLUDED.${quote(c.column)}`).join(', ')}`;
  const input: { from: string; values: unknown[] } = d.columns.some((c) => c.type.endsWith('[]'))
    ? {
        from: `SELECT ${propertiesAsColumns(d.columns)} FROM json_to_recordset($1::json) AS r(${recordDefinition(d.columns)})`,
        values: [JSON.stringify(rows)],
      }
    : {
        from: `SELECT * FROM unnest(${d.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`,
        values: columnArrays(d.columns, rows),
      };
  await client.query(
    `INSERT INTO ${qualified(schema, d.table)} (${names}) ${input.from} ON CONFLICT (${keyColumns}) ${onConflict}`,
    input.values,
  );
}

/** The rows' values column by column, undefined as NULL (as JSON would drop it). */
function columnArrays(columns: ColumnDescriptor[], rows: object[]): unknown[][] {
  return columns.map((c) => rows.map((row) => (row as Record<string, unknown>)[c.property] ?? null));
}
