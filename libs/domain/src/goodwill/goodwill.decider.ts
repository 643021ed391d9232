import type { Decider } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import { allocateGoodwillBudget } from './allocate-budget.js';
import { grantGoodwill } from './grant-goodwill.js';
import type { GoodwillCommand } from './goodwill.commands.js';
import type { GoodwillEvent } from './goodwill.events.js';
import { evolveGoodwill, initialGoodwillState, type GoodwillAccountState } from './goodwill.state.js';

export function decideGoodwill(
  command: GoodwillCommand,
  state: GoodwillAccountState,
): GoodwillEvent[] | DomainError {
  switch (command.type) {
    case 'AllocateGoodwillBudget':
      return allocateGoodwillBudget(command, state);
    case 'GrantGoodwill':
      return grantGoodwill(command, state);
    default:
      return assertNever(command);
  }
}

export const goodwillDecider: Decider<GoodwillCommand, GoodwillEvent, GoodwillAccountState> = {
  decide: decideGoodwill,
  evolve: evolveGoodwill,
  initialState: initialGoodwillState,
};
