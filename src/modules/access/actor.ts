import type { AuditActor } from '../../platform/audit/audit.ts';
import type { Role } from '../people/schema.ts';

/** A role the actor holds today in one office. */
export interface ActiveRole {
  officeId: string;
  /** '/root-id/…/office-id/' — the office's place in the hierarchy. */
  officePath: string;
  officeSlug: string;
  officeName: string;
  role: Role;
  unitId: string | null;
}

/**
 * Who is acting. Every use case receives one; nothing reads a "current user" from anywhere
 * else. `public` is an anonymous member of the public (a requester on the portal).
 */
export interface Actor {
  kind: 'user' | 'token' | 'system' | 'public' | 'cli';
  userId: string | null;
  label: string;
  roles: readonly ActiveRole[];
  requestId: string | null;
}

export const publicActor = (requestId: string | null = null): Actor => ({
  kind: 'public',
  userId: null,
  label: 'publik',
  roles: [],
  requestId,
});

export const systemActor = (label = 'sistem'): Actor => ({
  kind: 'system',
  userId: null,
  label,
  roles: [],
  requestId: null,
});

/** The command-line tool acts with full rights: it runs on the server, as its operator. */
export const cliActor = (label = 'cli'): Actor => ({
  kind: 'cli',
  userId: null,
  label,
  roles: [],
  requestId: null,
});

export function auditActorOf(actor: Actor): AuditActor {
  return {
    type: actor.kind === 'public' ? 'public' : actor.kind,
    id: actor.userId,
    label: actor.label,
    requestId: actor.requestId,
  };
}
