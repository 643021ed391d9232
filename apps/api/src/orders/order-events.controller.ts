import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DEPLOYMENT_CURRENCY, orderEventBatch, RecordOrderEventsCommand } from '#application';
import { Allowed } from '../auth/roles.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodBody } from '../http/api-body.js';
import { commandRequest } from '../http/command-request.js';
import { ZodPipe } from '../http/zod-body.pipe.js';

/** Upstream order systems post the same events they put on Kafka (SPEC §5). */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('order-events')
export class OrderEventsController {
  private readonly batch: ZodPipe<ReturnType<ReturnType<typeof orderEventBatch>['parse']>>;

  constructor(
    private readonly commands: CommandBus,
    @Inject(DEPLOYMENT_CURRENCY) currency: string,
  ) {
    this.batch = new ZodPipe(orderEventBatch(currency));
  }

  @Post()
  @HttpCode(200)
  @Allowed('integration')
  @ApiZodBody(orderEventBatch('USD'), {
    events: [{ eventId: '6f1c2a0e-5b7d-4c1e-9a31-0d2b8e4f7a10', type: 'OrderPlaced', orderId: 'O-1001', occurredAt: '2026-09-01T08:30:00.000Z', distributorId: 'D-17', totalCents: 12900 }],
  })
  async record(@CurrentCaller() caller: Caller, @Body() raw: unknown) {
    const { events } = this.batch.transform(raw);
    const answer = await this.commands.execute(new RecordOrderEventsCommand(commandRequest(caller, {}), events));
    return answer.body;
  }
}
