import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../modules/access/actor.ts';
import {
  can,
  canExemptions,
  canObjections,
  canReports,
  canRequests,
  type OfficeRef,
} from '../../modules/access/permissions.ts';
import { findOfficeBySlug } from '../../modules/offices/queries.ts';

/** Route-level checks: each takes the actor and the office named in the URL. */
export const routeChecks = {
  signedIn: () => true,
  enterOffice: can.enterOffice,
  administerOffice: can.administerOffice,
  viewAudit: can.viewAudit,
  viewOutbox: can.viewOutbox,
  overseeOffice: can.overseeOffice,
  viewDipDrafts: can.viewDipDrafts,
  manageDip: can.manageDip,
  proposeDipEntries: can.proposeDipEntries,
  importDipEntries: can.importDipEntries,
  manageArchive: can.manageArchive,
  approveArchive: can.approveArchive,
  manageSops: can.manageSops,
  publishUrgentAnnouncements: can.publishUrgentAnnouncements,
  editServiceCharter: can.editServiceCharter,
  createOffice: (actor, office) => can.createOffice(actor, office),
  manageNationalHolidays: (actor) => can.manageNationalHolidays(actor),
  viewRequests: canRequests.viewRequests,
  intakeRequests: canRequests.intakeRequests,
  decideRequests: canRequests.decideRequests,
  answerDispositions: canRequests.answerDispositions,
  viewRequestRegister: canRequests.viewRequestRegister,
  viewRequestReports: canRequests.viewRequestReports,
  viewRequesterIdentity: canRequests.viewRequesterIdentity,
  ...canObjections,
  ...canReports,
  ...canExemptions,
} satisfies Record<string, (actor: Actor, office: OfficeRef) => boolean>;

export type RoutePermission = keyof typeof routeChecks;

/**
 * Runs before every staff page: the visitor must be signed in (else the sign-in page), must
 * have chosen a new password when they hold a temporary one, and must pass the route's
 * permission for the office in the URL.
 */
export async function staffGuard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const permission = req.routeOptions.config.permission as RoutePermission | undefined;
  if (!permission) throw new Error(`Staff route ${req.routeOptions.url} declares no permission`);
  if (!req.user) {
    if (req.method === 'GET') {
      await reply.redirect(`/staff/login?next=${encodeURIComponent(req.url)}`);
      return;
    }
    throw new AppError('UNAUTHENTICATED', 'error.loginRequired');
  }
  if (req.user.mustChangePassword && !req.url.startsWith('/staff/akun')) {
    if (req.method === 'GET') {
      await reply.redirect('/staff/akun');
      return;
    }
    throw new AppError('FORBIDDEN', 'account.mustChange');
  }
  const params = req.params as { office?: string };
  if (params.office) {
    const office = await findOfficeBySlug(req.server.services.database.db, params.office);
    if (!office || !office.active) throw AppError.notFound();
    req.office = office;
    if (!routeChecks[permission](req.actor, office)) throw AppError.forbidden();
  }
}
