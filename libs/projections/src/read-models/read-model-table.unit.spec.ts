import { PROJECTIONS } from './projections.js';
import { describeTable } from './read-model-table.js';
import { FollowUp } from './case-timeline/follow-up.entity.js';
import { StaffChange } from './department/department.entities.js';
import { readModelEntities } from './entities.js';

describe('read-model tables as their entities declare them', () => {
  it('keys facts by global position and follow-ups by case and follow-up id', () => {
    expect(describeTable(StaffChange).primaryKey.map((c) => c.column)).toEqual(['global_position']);
    expect(describeTable(FollowUp).primaryKey.map((c) => c.column)).toEqual(['case_id', 'follow_up_id']);
  });

  it('knows array columns as such', () => {
    expect(describeTable(StaffChange).columns.find((c) => c.column === 'roles')).toEqual({
      property: 'roles',
      column: 'roles',
      type: 'text[]',
      primary: false,
    });
  });

  it('projects into every entity but the checkpoints, each table once', () => {
    const projected = PROJECTIONS.flatMap((p) => p.tables.map((t) => describeTable(t.entity).table));
    expect(new Set(projected).size).toBe(projected.length);
    expect([...projected, 'projection_checkpoints'].sort()).toEqual(
      readModelEntities.map((e) => describeTable(e).table).sort(),
    );
  });
});
