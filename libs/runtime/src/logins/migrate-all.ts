import { migrateAudit } from '#audit';
import { migrateEventStore } from '#event-store';
import { migrateMessaging } from '#messaging';
import { migrateReadModels } from '#projections';

/**
 * Every lib's schema, as the owner: the log, the read models, the publisher's checkpoint, the signed digests. Each
 * DataSource opens one connection and destroys it when done, so no running process keeps the
 * owner's login open (SPEC §7).
 */
export async function migrateAll(ownerUrl: string): Promise<void> {
  await migrateEventStore(ownerUrl);
  await migrateReadModels(ownerUrl);
  await migrateMessaging(ownerUrl);
  await migrateAudit(ownerUrl);
}
