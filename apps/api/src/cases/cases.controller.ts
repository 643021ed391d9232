import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
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
import { commandRequest } from '../http/command-request.js';
import { Documented } from '../http/openapi/documented.js';
import { casesDocs as docs } from './cases.openapi.js';

const caseId = { schema: id };
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
  @Documented(docs.receive)
  async receive(
    @CurrentCaller() caller: Caller,
    @Body({ schema: receiveComplaintBody }) body: ReceiveComplaintBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new ReceiveComplaintCommand(commandRequest(caller, body), body)),
    );
  }

  @Post(':id/sort')
  @Allowed('sorter', 'supervisor')
  @Documented(docs.sort)
  async sort(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: sortCaseBody }) body: SortCaseBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new SortCaseCommand(commandRequest(caller, body), id, body)),
    );
  }

  @Post(':id/assign')
  @Allowed('sorter', 'supervisor')
  @Documented(docs.assign)
  async assign(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: assignCaseBody }) body: AssignCaseBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new AssignCaseCommand(commandRequest(caller, body), id, body)),
    );
  }

  @Post(':id/responses')
  @Allowed('correspondent', 'supervisor')
  @Documented(docs.respond)
  async respond(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: sendResponseBody }) body: SendResponseBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new SendResponseCommand(commandRequest(caller, body), id, body)),
    );
  }

  @Post(':id/follow-ups')
  @Allowed('correspondent', 'supervisor')
  @Documented(docs.promise)
  async promise(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: promiseFollowUpBody }) body: PromiseFollowUpBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new PromiseFollowUpCommand(commandRequest(caller, body), id, body)),
    );
  }

  @Post(':id/follow-ups/:fid/complete')
  @Allowed('correspondent', 'supervisor')
  @Documented(docs.complete)
  async complete(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Param('fid', caseId) followUpId: string,
    @Body({ schema: completeFollowUpBody }) body: CompleteFollowUpBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(
        new CompleteFollowUpCommand(commandRequest(caller, body), id, followUpId, body),
      ),
    );
  }

  @Post(':id/resolve')
  @Allowed('correspondent', 'supervisor')
  @Documented(docs.resolve)
  async resolve(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: resolveCaseBody }) body: ResolveCaseBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new ResolveCaseCommand(commandRequest(caller, body), id, body)),
    );
  }

  @Post(':id/reopen')
  @Allowed('correspondent', 'supervisor', 'intake')
  @Documented(docs.reopen)
  async reopen(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: reopenCaseBody }) body: ReopenCaseBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new ReopenCaseCommand(commandRequest(caller, body), id, body)),
    );
  }

  @Post(':id/satisfaction')
  @Allowed('intake', 'correspondent', 'supervisor', 'integration')
  @Documented(docs.rate)
  async rate(
    @CurrentCaller() caller: Caller,
    @Param('id', caseId) id: string,
    @Body({ schema: recordSatisfactionBody }) body: RecordSatisfactionBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new RecordSatisfactionCommand(commandRequest(caller, body), id, body)),
    );
  }

  @Get(':id')
  @Allowed(...EVERY_ROLE)
  @Documented(docs.show)
  show(@Param('id', caseId) id: string, @Query({ schema: asOfQuery }) query: { asOf?: string }) {
    return this.queries.execute(new GetCaseQuery(id, query.asOf));
  }

  @Get(':id/history')
  @Allowed('supervisor', 'auditor')
  @Documented(docs.history)
  history(@Param('id', caseId) id: string) {
    return this.queries.execute(new CaseHistoryQuery(id));
  }
}
