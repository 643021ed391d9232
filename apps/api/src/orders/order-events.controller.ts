import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordOrderEventsCommand, type OrderEventMessage } from '#application';
import { Allowed } from '../auth/roles.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { commandRequest } from '../http/command-request.js';
import { Documented } from '../http/openapi/documented.js';
import { orderEventsBody, orderEventsDoc } from './order-events.openapi.js';

/** Upstream order systems post the same events they put on Kafka (SPEC §5). */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('order-events')
export class OrderEventsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Allowed('integration')
  @Documented(orderEventsDoc)
  async record(
    @CurrentCaller() caller: Caller,
    @Body({ schema: orderEventsBody }) body: { events: OrderEventMessage[] },
  ) {
    const answer = await this.commands.execute(
      new RecordOrderEventsCommand(commandRequest(caller, {}), body.events),
    );
    return answer.body;
  }
}
