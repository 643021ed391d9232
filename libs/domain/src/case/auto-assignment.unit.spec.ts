import { aCorrespondent, aSupervisor } from '../testing/staff-fixtures.js';
import { chooseAssignee, compareCandidates, isQualified } from './auto-assignment.js';

describe('chooseAssignee: among active correspondents with skill ≥ complexity', () => {
  it('picks the lowest weighted load', () => {
    const workload = [
      aCorrespondent('C-1').withLoad(9, 3),
      aCorrespondent('C-2').withLoad(4, 3),
      aCorrespondent('C-3').withLoad(6, 1),
    ];
    expect(chooseAssignee(workload, 3)).toBe('C-2');
  });

  it('weighs difficulty, not piece count: 1 case of complexity 5 weighs more than 4 of complexity 1', () => {
    const workload = [aCorrespondent('C-1').withLoad(5, 1), aCorrespondent('C-2').withLoad(4, 4)];
    expect(chooseAssignee(workload, 2)).toBe('C-2');
  });

  it('breaks a tie on load by fewest open cases', () => {
    const workload = [
      aCorrespondent('C-1').withLoad(6, 3),
      aCorrespondent('C-2').withLoad(6, 2),
      aCorrespondent('C-3').withLoad(6, 4),
    ];
    expect(chooseAssignee(workload, 3)).toBe('C-2');
  });

  it('breaks a tie on load and open cases by the smallest staffId', () => {
    const workload = [
      aCorrespondent('C-3').withLoad(6, 2),
      aCorrespondent('C-10').withLoad(6, 2),
      aCorrespondent('C-2').withLoad(6, 2),
    ];
    // Plain string comparison: 'C-10' < 'C-2' < 'C-3'.
    expect(chooseAssignee(workload, 3)).toBe('C-10');
  });

  it('compares staffIds by code unit, so upper case sorts before lower case', () => {
    const workload = [aCorrespondent('b-1').withLoad(0, 0), aCorrespondent('B-1').withLoad(0, 0)];
    expect(chooseAssignee(workload, 1)).toBe('B-1');
  });

  it('ignores the order of the snapshot', () => {
    const a = aCorrespondent('C-1').withLoad(2, 1);
    const b = aCorrespondent('C-2').withLoad(2, 1);
    expect(chooseAssignee([a, b], 1)).toBe('C-1');
    expect(chooseAssignee([b, a], 1)).toBe('C-1');
  });

  it('leaves out correspondents whose skill is below the complexity', () => {
    const workload = [
      aCorrespondent('C-1').withSkill(2).withLoad(0, 0),
      aCorrespondent('C-2').withSkill(4).withLoad(12, 5),
    ];
    expect(chooseAssignee(workload, 3)).toBe('C-2');
  });

  it('takes a skill exactly equal to the complexity', () => {
    expect(chooseAssignee([aCorrespondent('C-1').withSkill(5).withLoad(0, 0)], 5)).toBe('C-1');
  });

  it('leaves out inactive correspondents, however idle', () => {
    const workload = [aCorrespondent('C-1').inactive().withLoad(0, 0), aCorrespondent('C-2').withLoad(10, 4)];
    expect(chooseAssignee(workload, 1)).toBe('C-2');
  });

  it('leaves out staff who are not correspondents', () => {
    const workload = [aSupervisor('SUP-1').withLoad(0, 0), aCorrespondent('C-2').withLoad(10, 4)];
    expect(chooseAssignee(workload, 1)).toBe('C-2');
  });

  it('takes a correspondent who also holds other roles', () => {
    expect(chooseAssignee([aCorrespondent('C-1').alsoAs('sorter').withLoad(0, 0)], 1)).toBe('C-1');
  });

  it.each([
    ['nobody', []],
    ['only under-skilled correspondents', [aCorrespondent('C-1').withSkill(2).withLoad(0, 0)]],
    ['only inactive correspondents', [aCorrespondent('C-1').withSkill(5).inactive().withLoad(0, 0)]],
    ['only supervisors', [aSupervisor().withLoad(0, 0)]],
  ])('answers null when the department has %s', (_, workload) => {
    expect(chooseAssignee(workload, 3)).toBeNull();
  });
});

describe('isQualified and compareCandidates', () => {
  it('qualifies active correspondents with enough skill only', () => {
    expect(isQualified(aCorrespondent().withSkill(3).withLoad(0, 0), 3)).toBe(true);
    expect(isQualified(aCorrespondent().withSkill(3).withLoad(0, 0), 4)).toBe(false);
    expect(isQualified(aCorrespondent().inactive().withLoad(0, 0), 1)).toBe(false);
  });

  it('orders load, then open cases, then staffId', () => {
    const c = (id: string, load: number, open: number) => aCorrespondent(id).withLoad(load, open);
    expect(compareCandidates(c('Z', 1, 9), c('A', 2, 0))).toBeLessThan(0);
    expect(compareCandidates(c('Z', 2, 1), c('A', 2, 2))).toBeLessThan(0);
    expect(compareCandidates(c('A', 2, 2), c('Z', 2, 2))).toBeLessThan(0);
    expect(compareCandidates(c('A', 2, 2), c('A', 2, 2))).toBe(0);
  });

  it('is a comparator both ways round: sorting by it puts the tie on staffId in order', () => {
    const c = (id: string) => aCorrespondent(id).withLoad(2, 2);
    expect(compareCandidates(c('Z'), c('A'))).toBeGreaterThan(0);
    expect([c('C'), c('A'), c('B')].sort(compareCandidates).map((e) => e.staffId)).toEqual(['A', 'B', 'C']);
  });
});
