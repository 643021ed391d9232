import type { EventStore } from '../../src/event-store.port.js';
import { appendContract } from './append.contract.js';
import { concurrencyContract } from './concurrency.contract.js';
import type { ContractContext, EventStoreHarness } from './contract-context.js';
import { idempotencyContract } from './idempotency.contract.js';
import { readsContract } from './reads.contract.js';

export type { EventStoreHarness } from './contract-context.js';

/**
 * The behaviour every EventStore adapter owes (EventStoreDB semantics), as one suite each adapter's
 * spec calls with its own harness. `harness` is called lazily, after the spec's beforeAll started
 * its database.
 */
export function runEventStoreContract(name: string, harness: () => EventStoreHarness): void {
  describe(`${name}: EventStore contract`, () => {
    let store: EventStore | undefined;
    const ctx: ContractContext = {
      harness,
      store: () => {
        if (!store) throw new Error('the contract store is not open');
        return store;
      },
    };
    beforeAll(async () => {
      store = await harness().open();
    });
    afterAll(async () => {
      await store?.close();
    });

    appendContract(ctx);
    concurrencyContract(ctx);
    idempotencyContract(ctx);
    readsContract(ctx);
  });
}
