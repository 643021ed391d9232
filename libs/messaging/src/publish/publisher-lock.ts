import { lockOnName } from '#event-store';

/** One active publisher per destination topic, in any process. */
export const publisherLock = (topic: string) => lockOnName(`caseledger.publisher:${topic}`);
