/** What a door (HTTP, Kafka) knows about a command besides its body. */
export interface CommandRequest {
  actorId: string;
  actorRoles: string[];
  correlationId: string;
  /** The message that caused this one: the request itself for HTTP, the upstream event for Kafka. */
  causationId: string;
  idempotencyKey?: string;
  /** SHA-256 of the request that carried the key (method, path, canonical body). */
  requestHash?: string;
  /** Business time given by the caller; default: now. */
  occurredAt?: string;
  /** True once the caller has gone (HTTP: the connection closed before the answer). */
  abandoned?: () => boolean;
}

/** The answer to a command: `{ streamId, revision, eventIds, globalPosition, …ids }` with its status. */
export interface CommandAnswer {
  status: number;
  body: Record<string, unknown> & {
    streamId: string;
    revision: number;
    eventIds: string[];
    globalPosition: number;
  };
}
