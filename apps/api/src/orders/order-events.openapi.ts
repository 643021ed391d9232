import { z } from 'zod';
import { orderEventBatch } from '#application';
import { position } from '../http/openapi/answers.js';
import type { RouteDoc } from '../http/openapi/documented.js';
import { forDeploymentCurrency } from '../http/schema.pipe.js';

/** `{ events: [...] }`, 1–1000 upstream order events in the deployment's currency. */
export const orderEventsBody = forDeploymentCurrency(orderEventBatch);

export const orderEventsDoc = {
  summary: 'Record a batch of upstream order events (1–1000), all or none',
  description:
    'An eventId already in the log, or twice in the batch, counts once and is listed in duplicates.',
  answers: {
    200: z.object({
      appended: z.number().int().min(0),
      duplicates: z.array(z.uuid()),
      globalPosition: position,
    }),
  },
} satisfies RouteDoc;
