import { DEFAULT_COMMANDS_IN_FLIGHT, DEFAULT_COMMANDS_WAITING_MAX } from '#config';
import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import {
  applicationProviders,
  CLOCK,
  COMMANDS_IN_FLIGHT,
  COMMANDS_WAITING_MAX,
  DEPLOYMENT_CURRENCY,
  EVENT_STORE,
  systemClock,
  type Clock,
} from '#application';
import type { EventStore } from '#event-store';
import { AuthGuard } from './auth/auth.guard.js';
import { JwtVerifier, type JwtVerifierOptions } from './auth/jwt-verifier.js';
import { CaseMoneyController } from './cases/case-money.controller.js';
import { CasesController } from './cases/cases.controller.js';
import { HealthController } from './health/health.controller.js';
import { HEALTH_CONTRIBUTORS, type HealthContributor } from './health/health-contributor.js';
import { AllExceptionsFilter } from './http/all-exceptions.filter.js';
import { SchemaPipe } from './http/schema.pipe.js';
import { OrderEventsController } from './orders/order-events.controller.js';
import { DepartmentController } from './staff/staff.controller.js';

export interface ApiModuleOptions {
  store: EventStore;
  jwtSecret: string;
  /** Token policy and identity provider (AUTH_*): audience, issuer, roles claim, maximum life, JWK set. */
  auth?: JwtVerifierOptions;
  currency: string;
  clock?: Clock;
  /** Commands worked on at once (COMMANDS_IN_FLIGHT); default DEFAULT_COMMANDS_IN_FLIGHT. */
  commandsInFlight?: number;
  /** Commands that may wait for a turn before 503 COMMANDS_BUSY (COMMANDS_WAITING_MAX); default DEFAULT_COMMANDS_WAITING_MAX. */
  commandsWaitingMax?: number;
  healthContributors?: HealthContributor[];
  /** Extra modules wired in by the process that hosts the API (reports, audit). */
  imports?: DynamicModule['imports'];
  providers?: Provider[];
  controllers?: DynamicModule['controllers'];
}

/** The HTTP shell: controllers, auth, error mapping; the logic is in libs/application. */
@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [CqrsModule.forRoot(), ...(options.imports ?? [])],
      controllers: [
        CasesController,
        CaseMoneyController,
        DepartmentController,
        OrderEventsController,
        HealthController,
        ...(options.controllers ?? []),
      ],
      providers: [
        { provide: EVENT_STORE, useValue: options.store },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: DEPLOYMENT_CURRENCY, useValue: options.currency },
        { provide: COMMANDS_IN_FLIGHT, useValue: options.commandsInFlight ?? DEFAULT_COMMANDS_IN_FLIGHT },
        {
          provide: COMMANDS_WAITING_MAX,
          useValue: options.commandsWaitingMax ?? DEFAULT_COMMANDS_WAITING_MAX,
        },
        { provide: JwtVerifier, useValue: new JwtVerifier(options.jwtSecret, options.auth) },
        { provide: HEALTH_CONTRIBUTORS, useValue: options.healthContributors ?? [] },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useClass: SchemaPipe },
        ...applicationProviders,
        ...(options.providers ?? []),
      ],
      exports: [EVENT_STORE, CLOCK],
    };
  }
}
