import type { Actor } from './actor.js';

/** What every command carries besides its body: the clock reading, business time and the actor. */
export interface CommandMetadata {
  /** The server's clock when the command arrived (ISO-8601 UTC). */
  now: string;
  /** Business time of the command; every event it produces is stamped with it. */
  occurredAt: string;
  actor: Actor;
}
