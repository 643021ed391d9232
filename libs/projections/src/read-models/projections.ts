import { caseTimelineTables } from './case-timeline/case-timeline.projection.js';
import { departmentTables } from './department/department.projection.js';
import type { ReadModelTable } from './read-model-table.js';
import { salesAndGoodwillTables } from './sales-and-goodwill/sales-and-goodwill.projection.js';

/** A named set of tables sharing one checkpoint: the unit the runner advances and a rebuild replaces. */
export interface Projection {
  name: string;
  tables: ReadModelTable[];
}

export const caseTimeline: Projection = { name: 'case-timeline', tables: caseTimelineTables };
export const department: Projection = { name: 'department', tables: departmentTables };
export const salesAndGoodwill: Projection = { name: 'sales-and-goodwill', tables: salesAndGoodwillTables };

/** Every projection the reports read; the runner keeps all of them, in this order. */
export const PROJECTIONS: readonly Projection[] = [caseTimeline, department, salesAndGoodwill];

export function projectionNamed(name: string): Projection {
  const found = PROJECTIONS.find((p) => p.name === name);
  if (!found)
    throw new Error(`Unknown projection "${name}"; known: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
  return found;
}
