import { Body, Controller, Inject, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  allocateBudgetBody,
  AllocateBudgetCommand,
  changeStaffBody,
  ChangeStaffMemberCommand,
  DEPLOYMENT_CURRENCY,
  id,
  registerStaffBody,
  RegisterStaffMemberCommand,
  setStandardsBody,
  SetStandardsCommand,
  type ChangeStaffBody,
  type CommandAnswer,
  type RegisterStaffBody,
  type SetStandardsBody,
} from '#application';
import { Allowed } from '../auth/roles.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ApiZodBody } from '../http/api-body.js';
import { commandRequest } from '../http/command-request.js';
import { ZodPipe } from '../http/zod-body.pipe.js';

const send = (res: Response, answer: CommandAnswer) => (res.status(answer.status), answer.body);

/** What supervisors set up: staff, service standards, goodwill budgets. */
@ApiTags('department')
@ApiBearerAuth()
@Controller()
@Allowed('supervisor')
export class DepartmentController {
  private readonly budget: ZodPipe<ReturnType<ReturnType<typeof allocateBudgetBody>['parse']>>;

  constructor(
    private readonly commands: CommandBus,
    @Inject(DEPLOYMENT_CURRENCY) currency: string,
  ) {
    this.budget = new ZodPipe(allocateBudgetBody(currency));
  }

  @Post('staff')
  @ApiZodBody(registerStaffBody, { staffId: 'C-1', name: 'Casey Lee', roles: ['correspondent'], skillLevel: 3 })
  async register(@CurrentCaller() caller: Caller, @Body(new ZodPipe(registerStaffBody)) body: RegisterStaffBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new RegisterStaffMemberCommand(commandRequest(caller, body), body)));
  }

  @Patch('staff/:staffId')
  @ApiZodBody(changeStaffBody, { skillLevel: 4 })
  async change(
    @CurrentCaller() caller: Caller,
    @Param('staffId', new ZodPipe(id)) staffId: string,
    @Body(new ZodPipe(changeStaffBody)) body: ChangeStaffBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.commands.execute(new ChangeStaffMemberCommand(commandRequest(caller, body), staffId, body)));
  }

  @Put('standards')
  @ApiZodBody(setStandardsBody, {
    firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
    goodwillPctOfSalesGuideline: 0.5,
    goodwillPerGrantLimitCents: 5000,
    refundLimitCents: 50000,
  })
  async setStandards(@CurrentCaller() caller: Caller, @Body(new ZodPipe(setStandardsBody)) body: SetStandardsBody, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.commands.execute(new SetStandardsCommand(commandRequest(caller, body), body)));
  }

  @Post('goodwill-budgets')
  @ApiZodBody(allocateBudgetBody('USD'), { staffId: 'C-1', month: '2026-09', amountCents: 20000 })
  async allocate(@CurrentCaller() caller: Caller, @Body() raw: unknown, @Res({ passthrough: true }) res: Response) {
    const body = this.budget.transform(raw);
    return send(res, await this.commands.execute(new AllocateBudgetCommand(commandRequest(caller, body), body)));
  }
}
