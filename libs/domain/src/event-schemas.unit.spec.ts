import {
  EVENT_SCHEMAS,
  EventSchemas,
  NewerEventSchema,
  UnknownEventType,
  type StoredEvent,
} from './event-schemas.js';
import { EVENT_SCHEMA_VERSIONS, EVENT_TYPES } from './events.js';

/**
 * A future build in which ComplaintReceived changed shape twice: v2 added the complainant's
 * language ('und' when not asked), v3 allowed several. Everything else as today.
 */
const future = new EventSchemas(
  { ...EVENT_SCHEMA_VERSIONS, ComplaintReceived: 3 },
  {
    'ComplaintReceived@1': (v1: object) => ({ ...v1, language: 'und' }),
    'ComplaintReceived@2': ({ language, ...rest }: { language: string }) => ({
      ...rest,
      languages: [language],
    }),
  },
);

const complaintV1 = {
  eventId: 'ev-1',
  type: 'ComplaintReceived',
  globalPosition: 41,
  schemaVersion: 1,
  data: { caseId: 'K-1', channel: 'phone', subject: 'late delivery' },
};

describe('EventSchemas', () => {
  it('gives an event already in its current shape back as the same object', () => {
    const sorted: StoredEvent = { type: 'CaseSorted', schemaVersion: 1, data: { caseId: 'K-1' } };
    expect(future.decode(sorted)).toBe(sorted);
    expect(future.decode({ ...complaintV1, schemaVersion: 3 }).data).toBe(complaintV1.data);
  });

  it('upcasts an old event one version at a time, in order, keeping the rest of it', () => {
    const decoded = future.decode(complaintV1);
    expect(decoded).toStrictEqual({
      eventId: 'ev-1',
      type: 'ComplaintReceived',
      globalPosition: 41,
      schemaVersion: 3,
      data: { caseId: 'K-1', channel: 'phone', subject: 'late delivery', languages: ['und'] },
    });
    // The stored event is the audit record: decoding leaves it as it was read.
    expect(complaintV1.data).toStrictEqual({ caseId: 'K-1', channel: 'phone', subject: 'late delivery' });
  });

  it('starts from the version the event carries', () => {
    const v2 = { ...complaintV1, schemaVersion: 2, data: { ...complaintV1.data, language: 'fr' } };
    expect(future.decode(v2).data).toStrictEqual({
      caseId: 'K-1',
      channel: 'phone',
      subject: 'late delivery',
      languages: ['fr'],
    });
  });

  it('refuses an event written by a newer build rather than misread it', () => {
    const read = () => EVENT_SCHEMAS.decode({ ...complaintV1, schemaVersion: 2 });
    expect(read).toThrow(NewerEventSchema);
    expect(read).toThrow('ComplaintReceived v2 was written by a newer build; this one reads up to v1');
  });

  it('refuses a type it does not know and a version that is not one', () => {
    expect(() => EVENT_SCHEMAS.decode({ type: 'CaseDeleted', schemaVersion: 1, data: {} })).toThrow(
      UnknownEventType,
    );
    for (const schemaVersion of [0, -1, 1.5, Number.NaN, undefined as unknown as number])
      expect(() => future.decode({ ...complaintV1, schemaVersion })).toThrow(
        'carries no valid schemaVersion',
      );
  });

  it('cannot be built with a version that nothing upcasts to', () => {
    expect(
      () =>
        new EventSchemas({ ...EVENT_SCHEMA_VERSIONS, CaseSorted: 3 }, { 'CaseSorted@2': (d: object) => d }),
    ).toThrow('CaseSorted is at v3 but nothing upcasts its v1');
  });

  it('says which version this build writes', () => {
    expect(future.versionOf('ComplaintReceived')).toBe(3);
    expect(future.versionOf('CaseSorted')).toBe(1);
  });

  it("is this build's registry: every type at v1, read as written", () => {
    for (const type of EVENT_TYPES) {
      expect(EVENT_SCHEMAS.versionOf(type)).toBe(1);
      const event = { type, schemaVersion: 1, data: { any: 'thing' } };
      expect(EVENT_SCHEMAS.decode(event)).toBe(event);
    }
  });
});
