import { MINUTE, NOW, plusMs, SECOND, metadataFor, type When } from '../testing/clock.js';
import { at, DeciderSpecification, stateOf } from '../testing/decider-specification.js';
import { aSupervisor } from '../testing/staff-fixtures.js';
import type { Actor } from '../shared/actor.js';
import { DEFAULT_STANDARDS } from './service-standards.js';
import type { SetServiceStandards } from './standards.commands.js';
import { standardsDecider } from './standards.decider.js';
import type { ServiceStandardsSet } from './standards.events.js';
import { latestVersion, standardsInForceAt } from './standards.state.js';

const spec = DeciderSpecification.for(standardsDecider);
const supervisor = aSupervisor().actor();
const hours = { mail: 24, email: 12, web: 12, social: 2, phone: 2, chat: 1 };
const body = {
  firstResponseHours: hours,
  goodwillPctOfSalesGuideline: 0.75,
  goodwillPerGrantLimitCents: 7500,
  refundLimitCents: 40000,
};
const setStandards = (
  data: Partial<SetServiceStandards['data']> = {},
  by: Actor = supervisor,
  when: When = {},
): SetServiceStandards => ({
  type: 'SetServiceStandards',
  data: { ...body, ...data },
  metadata: metadataFor(by, when),
});
const set = (version: number, changes: Partial<ServiceStandardsSet['data']> = {}): ServiceStandardsSet => ({
  type: 'ServiceStandardsSet',
  data: { version, ...body, ...changes },
});

describe('DEFAULT_STANDARDS', () => {
  it('are version 1 with the spec’s defaults', () => {
    expect(DEFAULT_STANDARDS).toStrictEqual({
      version: 1,
      firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
      goodwillPctOfSalesGuideline: 0.5,
      goodwillPerGrantLimitCents: 5000,
      refundLimitCents: 50000,
    });
  });
});

describe('SetServiceStandards', () => {
  it('the first set is version 2 (the defaults are version 1)', () =>
    spec.given([]).when(setStandards()).then(set(2)));

  it('then versions increment', () =>
    spec
      .given([set(2), set(3)])
      .when(setStandards())
      .then(set(4)));

  it('increments from the highest version, whatever the log order', () =>
    spec
      .given([set(5), set(3)])
      .when(setStandards())
      .then(set(6)));

  it('keeps exactly the six channels', () =>
    spec
      .given([])
      .when(setStandards({ firstResponseHours: { ...hours, fax: 99 } as typeof hours }))
      .then(set(2)));

  it('an inactive supervisor: STAFF_INACTIVE', () =>
    spec.given([]).when(setStandards({}, aSupervisor().inactive().actor())).thenFails('STAFF_INACTIVE'));

  it('occurredAt 5m01s ahead: OCCURRED_IN_FUTURE', () =>
    spec
      .given([])
      .when(setStandards({}, supervisor, { occurredAt: plusMs(NOW, 5 * MINUTE + SECOND) }))
      .thenFails('OCCURRED_IN_FUTURE'));

  it('occurredAt 4m59s ahead is accepted', () =>
    spec
      .given([])
      .when(setStandards({}, supervisor, { occurredAt: plusMs(NOW, 4 * MINUTE + 59 * SECOND) }))
      .then(set(2)));

  it('zero is a guideline and a limit (≥ 0: no goodwill, no refunds without a supervisor)', () =>
    spec
      .given([])
      .when(
        setStandards({ goodwillPctOfSalesGuideline: 0, goodwillPerGrantLimitCents: 0, refundLimitCents: 0 }),
      )
      .then(set(2, { goodwillPctOfSalesGuideline: 0, goodwillPerGrantLimitCents: 0, refundLimitCents: 0 })));

  it.each([
    [
      'a negative per-grant limit',
      { goodwillPerGrantLimitCents: -1 },
      [{ path: 'goodwillPerGrantLimitCents', message: 'Whole cents ≥ 0' }],
    ],
    [
      'zero hours for chat',
      { firstResponseHours: { ...hours, chat: 0 } },
      [{ path: 'firstResponseHours.chat', message: 'A positive number of hours' }],
    ],
    [
      'a negative guideline',
      { goodwillPctOfSalesGuideline: -1 },
      [{ path: 'goodwillPctOfSalesGuideline', message: 'A percentage ≥ 0' }],
    ],
    [
      'fractional cents',
      { goodwillPerGrantLimitCents: 10.5 },
      [{ path: 'goodwillPerGrantLimitCents', message: 'Whole cents ≥ 0' }],
    ],
    [
      'a negative refund limit',
      { refundLimitCents: -1 },
      [{ path: 'refundLimitCents', message: 'Whole cents ≥ 0' }],
    ],
  ])('%s: VALIDATION_FAILED', (_, data, details) =>
    spec.given([]).when(setStandards(data)).thenFails('VALIDATION_FAILED', details),
  );
});

describe('standardsInForceAt', () => {
  const v2 = at('2026-03-01T00:00:00.000Z', set(2, { goodwillPerGrantLimitCents: 2000 }));
  const v3 = at('2026-06-01T00:00:00.000Z', set(3, { goodwillPerGrantLimitCents: 3000 }));

  it('no set: the defaults', () => {
    expect(standardsInForceAt(stateOf(standardsDecider, []), NOW)).toBe(DEFAULT_STANDARDS);
  });

  it('before the first set: the defaults', () => {
    expect(
      standardsInForceAt(stateOf(standardsDecider, [...v2, ...v3]), '2026-02-28T23:59:59.999Z').version,
    ).toBe(1);
  });

  it('from the instant of a set (occurredAt ≤ T)', () => {
    expect(
      standardsInForceAt(stateOf(standardsDecider, [...v2, ...v3]), '2026-03-01T00:00:00.000Z').version,
    ).toBe(2);
  });

  it('the latest set whose occurredAt ≤ T', () => {
    const state = stateOf(standardsDecider, [...v2, ...v3]);
    expect(standardsInForceAt(state, '2026-05-31T23:59:59.999Z').goodwillPerGrantLimitCents).toBe(2000);
    expect(standardsInForceAt(state, '2026-06-01T00:00:00.000Z').goodwillPerGrantLimitCents).toBe(3000);
    expect(standardsInForceAt(state, NOW).version).toBe(3);
  });

  it('a back-dated set counts from its occurredAt, not from when it was appended', () => {
    // v4 appended after v3 but back-dated before it: in force between its occurredAt and v3's.
    const v4 = at('2026-04-01T00:00:00.000Z', set(4, { refundLimitCents: 1 }));
    const state = stateOf(standardsDecider, [...v2, ...v3, ...v4]);
    expect(standardsInForceAt(state, '2026-03-15T00:00:00.000Z').version).toBe(2);
    expect(standardsInForceAt(state, '2026-04-15T00:00:00.000Z').version).toBe(4);
    expect(standardsInForceAt(state, '2026-07-01T00:00:00.000Z').version).toBe(3);
    expect(latestVersion(state)).toBe(4);
  });

  it.each([
    [4, 5],
    [5, 4],
  ])('two sets at the same instant (v%i appended before v%i): the greater version', (first, second) => {
    const sameInstant = '2026-03-01T00:00:00.000Z';
    const state = stateOf(standardsDecider, [
      ...at(sameInstant, set(first)),
      ...at(sameInstant, set(second)),
    ]);
    expect(standardsInForceAt(state, NOW).version).toBe(5);
  });

  it('compares instants, not texts', () => {
    const state = stateOf(standardsDecider, at('2026-03-01T10:00:00.000Z', set(2)));
    expect(standardsInForceAt(state, '2026-03-01T11:30:00.000+02:00').version).toBe(1);
    expect(standardsInForceAt(state, '2026-03-01T12:00:00.000+02:00').version).toBe(2);
  });

  it('returns the standards as set', () => {
    const state = stateOf(standardsDecider, v2);
    expect(standardsInForceAt(state, NOW)).toStrictEqual({
      version: 2,
      ...body,
      goodwillPerGrantLimitCents: 2000,
    });
  });
});
