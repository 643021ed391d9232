import { Body, Controller, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AllocateBudgetCommand,
  changeStaffBody,
  ChangeStaffMemberCommand,
  id,
  registerStaffBody,
  RegisterStaffMemberCommand,
  setStandardsBody,
  SetStandardsCommand,
  type AllocateBudgetBody,
  type ChangeStaffBody,
  type CommandAnswer,
  type RegisterStaffBody,
  type SetStandardsBody,
} from '#application';
import { Allowed } from '../auth/roles.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { commandRequest } from '../http/command-request.js';
import { Documented } from '../http/openapi/documented.js';
import { budgetBody, departmentDocs as docs } from './staff.openapi.js';

const send = (res: Response, answer: CommandAnswer) => (res.status(answer.status), answer.body);

/** What supervisors set up: staff, service standards, goodwill budgets. */
@ApiTags('department')
@ApiBearerAuth()
@Controller()
@Allowed('supervisor')
export class DepartmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post('staff')
  @Documented(docs.register)
  async register(
    @CurrentCaller() caller: Caller,
    @Body({ schema: registerStaffBody }) body: RegisterStaffBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new RegisterStaffMemberCommand(commandRequest(caller, body), body)),
    );
  }

  @Patch('staff/:staffId')
  @Documented(docs.change)
  async change(
    @CurrentCaller() caller: Caller,
    @Param('staffId', { schema: id }) staffId: string,
    @Body({ schema: changeStaffBody }) body: ChangeStaffBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new ChangeStaffMemberCommand(commandRequest(caller, body), staffId, body)),
    );
  }

  @Put('standards')
  @Documented(docs.setStandards)
  async setStandards(
    @CurrentCaller() caller: Caller,
    @Body({ schema: setStandardsBody }) body: SetStandardsBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new SetStandardsCommand(commandRequest(caller, body), body)),
    );
  }

  @Post('goodwill-budgets')
  @Documented(docs.allocate)
  async allocate(
    @CurrentCaller() caller: Caller,
    @Body({ schema: budgetBody }) body: AllocateBudgetBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(
      res,
      await this.commands.execute(new AllocateBudgetCommand(commandRequest(caller, body), body)),
    );
  }
}
