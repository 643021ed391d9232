import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRunner, EVENT_STORE } from '#application';
import type { EventStore } from '#event-store';
import { Public } from '../auth/roles.js';
import { HEALTH_CONTRIBUTORS, type HealthContributor } from './health-contributor.js';
import { Documented } from '../http/openapi/documented.js';
import { healthAnswer, metricsAnswer } from './health.openapi.js';
import { contentionMetrics } from './contention-metrics.js';

/** Liveness and readiness: 200 once the log answers; each contributor (projections, Kafka) adds its figures. */
@ApiTags('operations')
@Controller()
@Public()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HEALTH_CONTRIBUTORS) private readonly contributors: HealthContributor[],
    private readonly commands: CommandRunner,
  ) {}

  @Get('health')
  @Documented({
    summary: 'Liveness and readiness, with projection lag and Kafka status',
    answers: {
      200: { description: 'Ready: commands can be taken', content: { 'application/json': healthAnswer } },
      503: { description: 'Not ready', content: { 'application/json': healthAnswer } },
    },
  })
  async health(@Res({ passthrough: true }) res: Response) {
    const started = Date.now();
    let headPosition: number | null = null;
    let database = 'up';
    try {
      headPosition = await this.store.headPosition();
    } catch {
      database = 'down';
    }
    const parts = await Promise.all(
      this.contributors.map(async (c) => [c.name, await c.health(headPosition)] as const),
    );
    const ready = database === 'up' && parts.every(([, p]) => p.ready !== false);
    res.status(ready ? 200 : 503);
    return {
      status: ready ? 'ok' : 'unavailable',
      ready,
      checks: { eventStore: { status: database, headPosition, latencyMs: Date.now() - started } },
      ...Object.fromEntries(parts),
    };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @Documented({
    summary: 'Prometheus metrics',
    answers: {
      200: { description: 'Prometheus text format 0.0.4', content: { 'text/plain': metricsAnswer } },
    },
  })
  async metrics(): Promise<string> {
    const head = await this.store.headPosition().catch(() => -1);
    const commands = this.commands.load;
    const lines = [
      '# HELP caseledger_log_head_position Highest global position committed to the log.',
      '# TYPE caseledger_log_head_position gauge',
      `caseledger_log_head_position ${head}`,
      '# HELP caseledger_commands_in_flight Commands being worked on now (at most caseledger_commands_in_flight_limit).',
      '# TYPE caseledger_commands_in_flight gauge',
      `caseledger_commands_in_flight ${commands.running}`,
      '# HELP caseledger_commands_in_flight_limit COMMANDS_IN_FLIGHT: commands worked on at once.',
      '# TYPE caseledger_commands_in_flight_limit gauge',
      `caseledger_commands_in_flight_limit ${commands.limit}`,
      '# HELP caseledger_commands_waiting Commands waiting their turn, in arrival order.',
      '# TYPE caseledger_commands_waiting gauge',
      `caseledger_commands_waiting ${commands.waiting}`,
      ...contentionMetrics(this.commands.contentionByCommand),
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage().rss}`,
      '# HELP process_uptime_seconds Seconds since the process started.',
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${process.uptime().toFixed(1)}`,
    ];
    for (const c of this.contributors) lines.push(...(await c.metrics(head)));
    return `${lines.join('\n')}\n`;
  }
}
