import type { ClientBase } from 'pg';
import type { StaffMemberAsOf } from './staff-as-of.js';

/**
 * Staff as of `asOf`: registered by then; roles, skill and active each from the latest change that
 * carried them (a StaffMemberChanged holds only what changed), by occurredAt then position.
 */
export async function staffAsOf(client: ClientBase, asOf: string): Promise<StaffMemberAsOf[]> {
  const latest = (column: string) =>
    `(SELECT c.${column} FROM changes c WHERE c.staff_id = r.staff_id AND c.${column} IS NOT NULL
      ORDER BY c.occurred_at DESC, c.global_position DESC LIMIT 1) AS ${column}`;
  const { rows } = await client.query<{
    staff_id: string;
    name: string;
    roles: string[];
    skill_level: number;
    active: boolean;
  }>(
    `WITH changes AS (SELECT * FROM read_models.staff_changes WHERE occurred_at <= $1),
     registered AS (
       SELECT DISTINCT ON (staff_id) staff_id, name FROM changes WHERE change = 'registered'
       ORDER BY staff_id, occurred_at, global_position)
     SELECT r.staff_id, r.name, ${latest('roles')}, ${latest('skill_level')}, ${latest('active')} FROM registered r`,
    [asOf],
  );
  return rows.map((r) => ({
    staffId: r.staff_id,
    name: r.name,
    roles: r.roles ?? [],
    skillLevel: r.skill_level,
    active: r.active,
  }));
}
