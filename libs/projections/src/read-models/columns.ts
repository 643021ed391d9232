import { Column, PrimaryColumn } from 'typeorm';
import type { ValueTransformer } from 'typeorm';

/**
 * Rows keep positions and cents as JavaScript numbers (all below 2^53) and instants as the log's
 * ISO-8601 strings, so a row read back from PostgreSQL equals the row `evolve` produced.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export const numericAsNumber = bigintAsNumber;

export const instantAsIso: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: Date | string | null) => (value === null ? null : new Date(value).toISOString()),
};

// Column shorthands: every read-model column is snake_case and explicit about its SQL type, so the
// entities, the migration and the runner's SQL agree (a schema-diff test holds them together).
type Nullable = { nullable?: boolean };

export const textColumn = (name: string, o: Nullable = {}) =>
  Column({ name, type: 'text', nullable: o.nullable ?? false });
export const textArrayColumn = (name: string, o: Nullable = {}) =>
  Column({ name, type: 'text', array: true, nullable: o.nullable ?? false });
export const integerColumn = (name: string, o: Nullable = {}) =>
  Column({ name, type: 'integer', nullable: o.nullable ?? false });
export const booleanColumn = (name: string, o: Nullable = {}) =>
  Column({ name, type: 'boolean', nullable: o.nullable ?? false });
export const bigintColumn = (name: string, o: Nullable = {}) =>
  Column({ name, type: 'bigint', nullable: o.nullable ?? false, transformer: bigintAsNumber });
export const numericColumn = (name: string, o: Nullable = {}) =>
  Column({ name, type: 'numeric', nullable: o.nullable ?? false, transformer: numericAsNumber });
export const instantColumn = (name: string, o: Nullable = {}) =>
  Column({ name, type: 'timestamptz', nullable: o.nullable ?? false, transformer: instantAsIso });
/** The key of a fact row; constraint named as PostgreSQL names it, so a rebuild's copy keeps the name. */
export const textKey = (name: string, table: string) =>
  PrimaryColumn({ name, type: 'text', primaryKeyConstraintName: `${table}_pkey` });
/**
 * The key of a fact row: the global position of its event. Increasing, so new facts append to the
 * end of the index (the event id, a random uuid, would scatter them); it also joins the log's key.
 */
export const positionKey = (table: string) =>
  PrimaryColumn({
    name: 'global_position',
    type: 'bigint',
    transformer: bigintAsNumber,
    primaryKeyConstraintName: `${table}_pkey`,
  });
