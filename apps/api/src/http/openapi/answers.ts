import { z } from 'zod';

// The bodies the API answers (SPEC §4), as zod schemas from which the OpenAPI document is written.
// They describe; they never validate at run time: the e2e test checks real answers against them.

export const position = z
  .number()
  .int()
  .min(0)
  .meta({ description: 'A global position of the log: only grows, not consecutive' });
export const instant = z
  .string()
  .meta({ description: 'ISO-8601 UTC with three fractional digits, e.g. 2026-09-01T08:30:00.000Z' });
export const count = z.number().int().min(0);

/** `{ streamId, revision, eventIds, globalPosition }` plus the ids the command created or touched. */
export const commandAnswer = <Ids extends z.ZodRawShape>(ids: Ids) =>
  z.object({
    streamId: z.string(),
    revision: z
      .number()
      .int()
      .min(-1)
      .meta({ description: 'The stream’s revision after the command (0-based)' }),
    eventIds: z
      .array(z.uuid())
      .meta({ description: 'Events appended; empty when the command changed nothing' }),
    globalPosition: position.meta({ description: 'Pass as ?minPosition= to a report to read this write' }),
    ...ids,
  });

export const caseAnswer = commandAnswer({ caseId: z.string() });

/** Every event, as the log keeps it (SPEC §3). */
export const envelope = z.object({
  eventId: z.uuid(),
  type: z.string(),
  streamId: z.string(),
  streamRevision: count,
  globalPosition: position,
  occurredAt: instant,
  recordedAt: instant,
  data: z.record(z.string(), z.unknown()),
  metadata: z.object({
    actorId: z.string(),
    actorRoles: z.array(z.string()),
    correlationId: z.string(),
    causationId: z.string(),
    idempotencyKey: z.string().optional(),
    standardsVersion: z.number().int().min(1),
    schemaVersion: z.number().int().min(1),
  }),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
});
