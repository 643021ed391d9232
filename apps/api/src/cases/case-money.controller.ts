import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  DEPLOYMENT_CURRENCY,
  grantGoodwillBody,
  GrantGoodwillCommand,
  id,
  IssueRefundCommand,
  refundBody,
  type CommandAnswer,
} from '#application';
import { Allowed } from '../auth/roles.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodBody } from '../http/api-body.js';
import { commandRequest } from '../http/command-request.js';
import { ZodPipe } from '../http/zod-body.pipe.js';

const caseId = new ZodPipe(id);
const send = (res: Response, answer: CommandAnswer) => (res.status(answer.status), answer.body);

/** Goodwill and refunds on a case: the money routes, whose bodies know the deployment's currency. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseMoneyController {
  private readonly goodwill: ZodPipe<ReturnType<ReturnType<typeof grantGoodwillBody>['parse']>>;
  private readonly refund: ZodPipe<ReturnType<ReturnType<typeof refundBody>['parse']>>;

  constructor(
    private readonly commands: CommandBus,
    @Inject(DEPLOYMENT_CURRENCY) currency: string,
  ) {
    this.goodwill = new ZodPipe(grantGoodwillBody(currency));
    this.refund = new ZodPipe(refundBody(currency));
  }

  @Post(':id/goodwill')
  @Allowed('correspondent', 'supervisor')
  @ApiZodBody(grantGoodwillBody('USD'), { kind: 'credit', amountCents: 2500, reason: 'Sorry for the wait' })
  async grant(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body() raw: unknown, @Res({ passthrough: true }) res: Response) {
    const body = this.goodwill.transform(raw);
    return send(res, await this.commands.execute(new GrantGoodwillCommand(commandRequest(caller, body), id, body)));
  }

  @Post(':id/refunds')
  @Allowed('correspondent', 'supervisor')
  @ApiZodBody(refundBody('USD'), { orderId: 'O-1001', amountCents: 4999, reason: 'Money-back guarantee' })
  async refundOrder(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body() raw: unknown, @Res({ passthrough: true }) res: Response) {
    const body = this.refund.transform(raw);
    return send(res, await this.commands.execute(new IssueRefundCommand(commandRequest(caller, body), id, body)));
  }
}
