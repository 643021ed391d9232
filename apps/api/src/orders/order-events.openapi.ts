import { z } from 'zod';
import { orderEventBatch } from '#application';
import { position } from '../http/openapi/answers.js';
import type { RouteDoc } from '../http/openapi/documented.js';
import { forDeploymentCurrency } from '../http/schema.pipe.js';

/** `{ events: [...] }`, 1–1000 upstream order events in the deployment's currency. */
export const orderEventsBody = forDeploymentCurrency(orderEventBatch);

export const orderEventsDoc = {
  example: {
    events: [
      {
        eventId: '6f1c2a0e-5b7d-4c1e-9a31-0d2b8e4f7a10',
        type: 'OrderPlaced',
        orderId: 'O-1001',
        occurredAt: '2026-09-01T08:30:00.000Z',
        distributorId: 'D-17',
        totalCents: 12900,
      },
    ],
  },
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
