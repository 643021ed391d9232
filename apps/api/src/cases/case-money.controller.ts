import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  GrantGoodwillCommand,
  id,
  IssueRefundCommand,
  type CommandAnswer,
  type GrantGoodwillBody,
  type RefundBody,
} from '#application';
import { Allowed } from '../auth/roles.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { commandRequest } from '../http/command-request.js';
import { Documented } from '../http/openapi/documented.js';
import { casesDocs as docs, goodwillBody, refundOrderBody } from './cases.openapi.js';

const caseId = { schema: id };
const send = (res: Response, answer: CommandAnswer) => (res.status(answer.status), answer.body);

/** Goodwill and refunds on a case: the money routes, whose bodies know the deployment's currency. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseMoneyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/goodwill')
  @Allowed('correspondent', 'supervisor')
  @Documented(docs.grant)
  async grant(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: goodwillBody }) body: GrantGoodwillBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new GrantGoodwillCommand(commandRequest(caller, body), id, body)),
    );
  }

  @Post(':id/refunds')
  @Allowed('correspondent', 'supervisor')
  @Documented(docs.refund)
  async refundOrder(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: refundOrderBody }) body: RefundBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new IssueRefundCommand(commandRequest(caller, body), id, body)),
    );
  }
}
