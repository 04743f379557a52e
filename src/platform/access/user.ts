/** @module Who uses Cairn: roles, and the signed-in person as the rest of the code sees them. */

export const roles = ['practitioner', 'team_manager', 'service_manager', 'analyst', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  practitioner: 'Practitioner',
  team_manager: 'Team manager',
  service_manager: 'Service manager',
  analyst: 'Analyst',
  admin: 'Administrator',
};

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
