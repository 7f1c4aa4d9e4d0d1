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
      : actor.roles.some(
          (r) => r.role === 'NATIONAL_ADMIN' && r.officePath.split('/').filter(Boolean).length === 1,
        )),

  /** The national list of days off: NATIONAL_ADMIN granted at a root office. */
  manageNationalHolidays: (actor: Actor) =>
    isOperator(actor) ||
    actor.roles.some(
      (r) => r.role === 'NATIONAL_ADMIN' && r.officePath.split('/').filter(Boolean).length === 1,
    ),

  /** The office's audit trail and mail outbox. */
  viewAudit: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) ||
    hasRole(actor, office, 'ADMIN', 'PPID', 'ATASAN_PPID') ||
    isNationalAdminOver(actor, office),

  /**
   * The office's mail outbox (held mail, delivery failures): the Admin and the PPID, who answers
   * for what the office sends (issue 15). The secrets a requester uses are sealed (ADR 0040).
   */
  viewOutbox: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'ADMIN', 'PPID') || isNationalAdminOver(actor, office),

  /** The draft DIP and its cycle (every role of the office but the units, who see their own proposals). */
  viewDipDrafts: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) ||
    hasRole(
      actor,
      office,
      'ADMIN',
      'PPID',
      'ATASAN_PPID',
      'PETUGAS_LAYANAN',
      'TIM_PERTIMBANGAN',
      'PEMBINA_PPID',
    ) ||
    isNationalAdminOver(actor, office),

  /** Edit the draft DIP, decide units' proposals, import, start a cycle: the PPID and its staff. */
  manageDip: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN'),

  /** Propose DIP entries for one's own unit (a PPID Pembantu; the unit is checked by the use case). */
  proposeDipEntries: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID_PEMBANTU'),

  /** Import a DIP file: into the draft (PPID's side) or as the unit's proposals (PPID Pembantu). */
  importDipEntries: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN', 'PPID_PEMBANTU'),

  /** Register documentation (seed 003 step 1): the PPID's staff, and units for their own unit. */
  manageArchive: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN', 'PPID_PEMBANTU'),

  /** Approve documented information before it counts (seed 003 step 2): the Atasan PPID. */
  approveArchive: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'ATASAN_PPID'),

  /** Pengumuman serta-merta (UU 14/2008 Pasal 10): the PPID or the Atasan PPID announces. */
  publishUrgentAnnouncements: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'ATASAN_PPID'),

  /** The Maklumat Pelayanan (Perki 1/2021 Pasal 47): the PPID sets it; the Atasan PPID signs it. */
  editServiceCharter: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID'),

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
      (r) =>
        OVERSIGHT_ROLES.includes(r.role) &&
        r.officePath !== office.path &&
        office.path.startsWith(r.officePath),
    ),
};

// Information requests (issue 3). The desk (PETUGAS_LAYANAN) receives and delivers; the PPID
// routes, decides and extends (UU 14/2008 Pasal 22(7)-(8)); a PPID Pembantu sees only what was
// disposed to its unit (checked per request with `can.viewRequest`).
const REQUEST_READERS: Role[] = ['PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN', 'PPID_PEMBANTU'];

export const canRequests = {
  /** The worklist and request pages (a PPID Pembantu only for its unit's dispositions). */
  viewRequests: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, ...REQUEST_READERS),

  /** One request: every reader but a PPID Pembantu, who needs a disposition to its unit. */
  viewRequest: (actor: Actor, office: OfficeRef, disposedUnitIds: readonly string[]) =>
    isOperator(actor) ||
    hasRole(actor, office, 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN') ||
    actor.roles.some(
      (r) =>
        r.officeId === office.id &&
        r.role === 'PPID_PEMBANTU' &&
        r.unitId !== null &&
        disposedUnitIds.includes(r.unitId),
    ),

  /** Desk work: intake, completeness, fees, payment, delivery, closing (seed 002 steps 1-6). */
  intakeRequests: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN'),

  /** Disposisi to units, written notices, refusals and the one extension: the PPID's acts. */
  decideRequests: (actor: Actor, office: OfficeRef) => isOperator(actor) || hasRole(actor, office, 'PPID'),

  /** Answer a disposition: the PPID, or a PPID Pembantu of the unit it went to. */
  answerDisposition: (actor: Actor, office: OfficeRef, unitId: string | null) =>
    isOperator(actor) ||
    hasRole(actor, office, 'PPID') ||
    (unitId !== null &&
      actor.roles.some((r) => r.officeId === office.id && r.role === 'PPID_PEMBANTU' && r.unitId === unitId)),

  /** Route-level check for the disposition answer form (the unit is checked per request). */
  answerDispositions: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PPID_PEMBANTU'),

  /** The register (Model PPID-C) names requesters: only the office's service roles. */
  viewRequestRegister: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN'),

  /** Counts without personal data (daily/monthly reports of seed 002 steps 7-8). */
  viewRequestReports: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN', 'PEMBINA_PPID'),

  /** Who handles a request (assign, reassign, take): the PPID and the desk, among themselves. */
  assignRequests: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN'),

  /** NIK and identity scans: the office's PPID roles only, never the desk or a unit. */
  viewRequesterIdentity: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'ATASAN_PPID'),
};

// Objections and disputes (issue 4). The Atasan PPID decides (UU 14/2008 Pasal 36); the desk
// and the PPID take objections in (Perki 1/2021 Pasal 40-41); the PPID and the Atasan PPID
// represent the office before the Komisi Informasi and record the dispute.
export const canObjections = {
  /** The objection worklist and pages (with the request history beside each objection). */
  viewObjections: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN'),
  /** Desk intake (in person, letter, email) and the requester's reaction recorded at the desk. */
  intakeObjections: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN'),
  /** The Tanggapan Atasan PPID and the agreement of the parties (musyawarah): the Atasan PPID only. */
  decideObjection: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'ATASAN_PPID'),
  /** Dispute at the Komisi Informasi and its appeals. */
  recordDisputes: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'ATASAN_PPID'),
  /** Register Keberatan (Model PPID-G) names requesters: the office's service roles. */
  viewObjectionRegister: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN'),
  /** The attorney's surat kuasa khusus (an identity document): the PPID roles only. */
  viewObjectionIdentity: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'ATASAN_PPID'),
};

// Reports and oversight roll-ups (issue 11): counts of the office and the offices below it.
export const canReports = {
  /** The roll-up of the offices below: the office's oversight roles, or a national admin over it. */
  viewRollup: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || isNationalAdminOver(actor, office) || hasRole(actor, office, ...OVERSIGHT_ROLES),
  /** The annual report's draft and the e-Monev pack of the office (ADR 0062). */
  viewAnnualReport: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) ||
    hasRole(actor, office, 'ADMIN', 'PPID', 'ATASAN_PPID', 'PEMBINA_PPID') ||
    isNationalAdminOver(actor, office),
  /** Write and submit the annual report: the PPID (Perki 1/2021 Pasal 56). */
  writeAnnualReport: (actor: Actor, office: OfficeRef) => isOperator(actor) || hasRole(actor, office, 'PPID'),
  /** Approve (and so publish) or return the annual report: the Atasan PPID. */
  approveAnnualReport: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'ATASAN_PPID'),
};

// Exempt information (issue 10, seed 004). The PPID (and the desk, for collecting) prepares
// tests, decrees and entries; the Pembina PPID, Tim Pertimbangan and Atasan PPID approve in the
// order the office sets. Everyone of the office's PPID roles may read the list.
export const canExemptions = {
  viewExemptions: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) ||
    hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN', 'ATASAN_PPID', 'TIM_PERTIMBANGAN', 'PEMBINA_PPID') ||
    isNationalAdminOver(actor, office),
  /** Collect entries and import an existing list (seed 004 step 1): the desk and the PPID. */
  collectExemptions: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PPID', 'PETUGAS_LAYANAN'),
  /** Classify, record consequence tests, submit for approval, revoke (step 2): the PPID. */
  manageExemptions: (actor: Actor, office: OfficeRef) => isOperator(actor) || hasRole(actor, office, 'PPID'),
  /** Act on an approval chain; the use case checks that it is this role's turn. */
  approveExemptions: (actor: Actor, office: OfficeRef) =>
    isOperator(actor) || hasRole(actor, office, 'PEMBINA_PPID', 'TIM_PERTIMBANGAN', 'ATASAN_PPID'),
};

export type Permission =
  | keyof typeof can
  | keyof typeof canRequests
  | keyof typeof canObjections
  | keyof typeof canReports
  | keyof typeof canExemptions;
