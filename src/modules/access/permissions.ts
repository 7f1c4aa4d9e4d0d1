import type { Role } from '../people/schema.ts';
import type { Actor } from './actor.ts';

// Permissions are small functions of (actor, resource). Tenancy: a role counts only in the
// office it was granted for — except NATIONAL_ADMIN, which covers the office it was granted
// for and everything below it, and the read-only oversight roles of ancestor offices, used
// only where a roll-up asks for it (`overseeOffice`).

export interface OfficeRef {
  id: string;
  path: string;
}

/** The operator's console (the CLI, system jobs) may do everything. */
function isOperator(actor: Actor): boolean {
  return actor.kind === 'cli' || actor.kind === 'system';
}

export function rolesAt(actor: Actor, office: OfficeRef): Role[] {
  return actor.roles.filter((r) => r.officeId === office.id).map((r) => r.role);
}

export function hasRole(actor: Actor, office: OfficeRef, ...roles: Role[]): boolean {
  return actor.roles.some((r) => r.officeId === office.id && roles.includes(r.role));
}

/** NATIONAL_ADMIN granted at this office or at one of its ancestors. */
export function isNationalAdminOver(actor: Actor, office: OfficeRef): boolean {
  return actor.roles.some((r) => r.role === 'NATIONAL_ADMIN' && office.path.startsWith(r.officePath));
}

/** The units an actor serves as PPID Pembantu in this office. */
export function pembantuUnitIds(actor: Actor, office: OfficeRef): string[] {
  return actor.roles
    .filter((r) => r.officeId === office.id && r.role === 'PPID_PEMBANTU' && r.unitId)
    .map((r) => r.unitId!);
}

const OVERSIGHT_ROLES: Role[] = ['ADMIN', 'PPID', 'ATASAN_PPID', 'PEMBINA_PPID'];

export const can = {
  /** Open the office's staff area at all. */
  enterOffice: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || rolesAt(actor, office).length > 0 || isNationalAdminOver(actor, office),

  /** Office settings, units, closures, users and their roles in this office. */
  administerOffice: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'ADMIN') || isNationalAdminOver(actor, office),

  grantRole: (actor: Actor, office: OfficeRef, role: Role) =>
    role === 'NATIONAL_ADMIN'
      ? isOperator(actor) || isNationalAdminOver(actor, office)
      : can.administerOffice(actor, office),

  /** Add a public body below `parent` (or a new root when parent is null). */
  createOffice: (actor: Actor, parent: OfficeRef | null) =>
    isOperator(actor) ||
    (parent
      ? isNationalAdminOver(actor, parent)
      : actor.roles.some((r) => r.role === 'NATIONAL_ADMIN' && r.officePath.split('/').filter(Boolean).length === 1)),

  /** The national list of days off: NATIONAL_ADMIN granted at a root office. */
  manageNationalHolidays: (actor: Actor) =>
    isOperator(actor) ||
    actor.roles.some((r) => r.role === 'NATIONAL_ADMIN' && r.officePath.split('/').filter(Boolean).length === 1),

  /** The office's audit trail and mail outbox. */
  viewAudit: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'ADMIN', 'PPID', 'ATASAN_PPID') || isNationalAdminOver(actor, office),

  viewOutbox: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'ADMIN') || isNationalAdminOver(actor, office),

  /** The draft DIP and its cycle (every role of the office but the units, who see their own proposals). */
  viewDipDrafts: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) ||
    hasRole(actor, office, 'ADMIN', 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN', 'TIM_PERTIMBANGAN', 'PEMBINA_PPID') ||
    isNationalAdminOver(actor, office),

  /** Edit the draft DIP, decide units' proposals, import, start a cycle: the PPID and its staff. */
  manageDip: (actor: Actor, office: OfficeRef) => isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN'),

  /** Propose DIP entries for one's own unit (a PPID Pembantu; the unit is checked by the use case). */
  proposeDipEntries: (actor: Actor, office: OfficeRef) => isOperator(actor) || hasRole(actor, office, 'PPID_PEMBANTU'),

  /** Import a DIP file: into the draft (PPID's side) or as the unit's proposals (PPID Pembantu). */
  importDipEntries: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN', 'PPID_PEMBANTU'),

  /** Register documentation (seed 003 step 1): the PPID's staff, and units for their own unit. */
  manageArchive: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN', 'PPID_PEMBANTU'),

  /** Approve documented information before it counts (seed 003 step 2): the Atasan PPID. */
  approveArchive: (actor: Actor, office: OfficeRef) => isOperator(actor) || hasRole(actor, office, 'ATASAN_PPID'),

  /** The office's SOP register. */
  manageSops: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'ADMIN', 'PPID') || isNationalAdminOver(actor, office),

  /**
   * Read-only oversight of a descendant office for roll-ups: an oversight role in a strict
   * ancestor. Never grants any change.
   */
  overseeOffice: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) ||
    isNationalAdminOver(actor, office) ||
    actor.roles.some(
      (r) => OVERSIGHT_ROLES.includes(r.role) && r.officePath !== office.path && office.path.startsWith(r.officePath),
    ),
};

export type Permission = keyof typeof can;
