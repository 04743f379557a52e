/** @module The signed-in person as the rest of the code sees them, and who did something for the audit trail. */
import type { Role } from './roles.js';

/** A person signed in to the web app. */
export interface SignedInUser {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  team: string | null;
  workerId: string | null;
}

/** Who did something, for the audit trail: a signed-in user or a command run on the server. */
export type Actor = { kind: 'user'; user: SignedInUser } | { kind: 'system'; name: string };

/** @example actorName({ kind: 'system', name: 'cli' }) // 'system:cli' */
export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.user.username : `system:${actor.name}`;
}
