// The pure domain of Caseledger: deciders (decide, evolve, initialState) per aggregate, their
// events, commands and states, and the errors they answer with. No framework, no I/O, no clock.
export * from './shared/domain-error.js';
export * from './shared/actor.js';
export * from './shared/time.js';
export * from './shared/decider.js';
export * from './shared/streams.js';
export * from './shared/command.js';
export * from './shared/validation.js';
export * from './events.js';
export * from './event-schemas.js';

export * from './case/case.values.js';
export * from './case/case.events.js';
export * from './case/case.commands.js';
export * from './case/case.state.js';
export * from './case/case.guards.js';
export * from './case/auto-assignment.js';
export * from './case/sort-case.js';
export * from './case/correspondence.js';
export * from './case/resolution.js';
export * from './case/repeat-contact.js';
export * from './case/case.decider.js';

export * from './complainant/subject.js';
export * from './complainant/complainant.events.js';
export * from './complainant/complainant.commands.js';
export * from './complainant/complainant.state.js';
export * from './complainant/complainant.decider.js';

export * from './goodwill/goodwill.events.js';
export * from './goodwill/goodwill.commands.js';
export * from './goodwill/goodwill.state.js';
export * from './goodwill/allocate-budget.js';
export * from './goodwill/grant-goodwill.js';
export * from './goodwill/goodwill.decider.js';

export * from './order/order.events.js';
export * from './order/order.commands.js';
export * from './order/order.state.js';
export * from './order/issue-refund.js';
export * from './order/order.decider.js';

export * from './staff/staff.values.js';
export * from './staff/staff.events.js';
export * from './staff/staff.commands.js';
export * from './staff/staff.state.js';
export * from './staff/staff.decider.js';

export * from './standards/service-standards.js';
export * from './standards/standards.events.js';
export * from './standards/standards.commands.js';
export * from './standards/standards.state.js';
export * from './standards/standards.decider.js';
