import { z } from 'zod';
import { position } from '../http/openapi/answers.js';

/** `/health`: the log's part, then one member per contributor (projections, Kafka), named by it. */
export const healthAnswer = z.looseObject({
  status: z.enum(['ok', 'unavailable']),
  ready: z.boolean(),
  checks: z.object({
    eventStore: z.object({
      status: z.enum(['up', 'down']),
      headPosition: position.nullable(),
      latencyMs: z.number().min(0),
    }),
  }),
});

export const metricsAnswer = z
  .string()
  .meta({ description: 'caseledger_* and process_* gauges and counters, one sample a line' });
