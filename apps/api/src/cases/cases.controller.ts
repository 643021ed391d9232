import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  asOfQuery,
  assignCaseBody,
  AssignCaseCommand,
  CaseHistoryQuery,
  completeFollowUpBody,
  CompleteFollowUpCommand,
  GetCaseQuery,
  id,
  promiseFollowUpBody,
  PromiseFollowUpCommand,
  receiveComplaintBody,
  ReceiveComplaintCommand,
  recordSatisfactionBody,
  RecordSatisfactionCommand,
  reopenCaseBody,
  ReopenCaseCommand,
  resolveCaseBody,
  ResolveCaseCommand,
  sendResponseBody,
  SendResponseCommand,
  sortCaseBody,
  SortCaseCommand,
  type AssignCaseBody,
  type CommandAnswer,
  type CompleteFollowUpBody,
  type PromiseFollowUpBody,
  type ReceiveComplaintBody,
  type RecordSatisfactionBody,
  type ReopenCaseBody,
  type ResolveCaseBody,
  type SendResponseBody,
  type SortCaseBody,
} from '#application';
import { Allowed, EVERY_ROLE } from '../auth/roles.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodBody } from '../http/api-body.js';
import { commandRequest } from '../http/command-request.js';
import { ZodPipe } from '../http/zod-body.pipe.js';

const caseId = new ZodPipe(id);
const send = (res: Response, answer: CommandAnswer) => (res.status(answer.status), answer.body);

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Allowed('intake', 'sorter', 'correspondent', 'supervisor', 'integration')
  @ApiZodBody(receiveComplaintBody, { channel: 'mail', complainant: { type: 'distributor', id: 'D-17', name: 'Dana Reyes' }, subject: 'Broken lid', body: 'The lid of my blender arrived cracked.' })
  async receive(@CurrentCaller() caller: Caller, @Body(new ZodPipe(receiveComplaintBody)) body: ReceiveComplaintBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new ReceiveComplaintCommand(commandRequest(caller, body), body)));
  }

  @Post(':id/sort')
  @Allowed('sorter', 'supervisor')
  @ApiZodBody(sortCaseBody, { category: 'product', complexity: 2, priority: 'normal' })
  async sort(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body(new ZodPipe(sortCaseBody)) body: SortCaseBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new SortCaseCommand(commandRequest(caller, body), id, body)));
  }

  @Post(':id/assign')
  @Allowed('sorter', 'supervisor')
  @ApiZodBody(assignCaseBody, { assigneeId: 'C-2', reason: 'rebalance' })
  async assign(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body(new ZodPipe(assignCaseBody)) body: AssignCaseBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new AssignCaseCommand(commandRequest(caller, body), id, body)));
  }

  @Post(':id/responses')
  @Allowed('correspondent', 'supervisor')
  @ApiZodBody(sendResponseBody, { channel: 'email', summary: 'Apologised and sent a replacement lid.' })
  async respond(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body(new ZodPipe(sendResponseBody)) body: SendResponseBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new SendResponseCommand(commandRequest(caller, body), id, body)));
  }

  @Post(':id/follow-ups')
  @Allowed('correspondent', 'supervisor')
  @ApiZodBody(promiseFollowUpBody, { dueAt: '2026-09-03T17:00:00.000Z', description: 'Call back once the lid has arrived.' })
  async promise(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body(new ZodPipe(promiseFollowUpBody)) body: PromiseFollowUpBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new PromiseFollowUpCommand(commandRequest(caller, body), id, body)));
  }

  @Post(':id/follow-ups/:fid/complete')
  @Allowed('correspondent', 'supervisor')
  @ApiZodBody(completeFollowUpBody, { note: 'Customer confirmed the lid fits.' })
  async complete(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Param('fid', caseId) followUpId: string,
    @Body(new ZodPipe(completeFollowUpBody)) body: CompleteFollowUpBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.commands.execute(new CompleteFollowUpCommand(commandRequest(caller, body), id, followUpId, body)));
  }

  @Post(':id/resolve')
  @Allowed('correspondent', 'supervisor')
  @ApiZodBody(resolveCaseBody, { resolution: 'Replacement lid delivered.' })
  async resolve(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body(new ZodPipe(resolveCaseBody)) body: ResolveCaseBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new ResolveCaseCommand(commandRequest(caller, body), id, body)));
  }

  @Post(':id/reopen')
  @Allowed('correspondent', 'supervisor', 'intake')
  @ApiZodBody(reopenCaseBody, { reason: 'The new lid is cracked too.' })
  async reopen(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body(new ZodPipe(reopenCaseBody)) body: ReopenCaseBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new ReopenCaseCommand(commandRequest(caller, body), id, body)));
  }

  @Post(':id/satisfaction')
  @Allowed('intake', 'correspondent', 'supervisor', 'integration')
  @ApiZodBody(recordSatisfactionBody, { rating: 'satisfied' })
  async rate(@CurrentCaller() caller: Caller, @Param('id', caseId) id: string, @Body(new ZodPipe(recordSatisfactionBody)) body: RecordSatisfactionBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new RecordSatisfactionCommand(commandRequest(caller, body), id, body)));
  }

  @Get(':id')
  @Allowed(...EVERY_ROLE)
  @HttpCode(200)
  show(@Param('id', caseId) id: string, @Query(new ZodPipe(asOfQuery)) query: { asOf?: string }) {
    return this.queries.execute(new GetCaseQuery(id, query.asOf));
  }

  @Get(':id/history')
  @Allowed('supervisor', 'auditor')
  history(@Param('id', caseId) id: string) {
    return this.queries.execute(new CaseHistoryQuery(id));
  }
}
