import type { FastifyInstance, FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';
import type { RoutePermission } from '../shared/guard.ts';

/**
 * The office a staff route works in, as resolved by the staff guard. Outside the guard (a
 * route mounted in the wrong place) this is a programming error, not a visitor's.
 */
export function officeOf(req: FastifyRequest): Office {
  if (!req.office)
    throw new Error(
      `Route ${req.routeOptions.url} has no office: mount it under /staff/:office behind staffGuard`,
    );
  return req.office;
}

/** A staff route's handler: the request, the reply and the office of the URL, typed. */
export type StaffHandler<RG extends RouteGenericInterface> = (
  req: FastifyRequest<RG>,
  reply: FastifyReply,
  office: Office,
) => Promise<unknown>;

/**
 * Staff routes of one office (`/staff/:office/…`), each with its permission and a handler that
 * gets the office: `staff.get('/staff/:office/x', 'viewRequests', (req, reply, office) => …)`.
 */
export function staffRoutes(app: FastifyInstance) {
  const on =
    (method: 'GET' | 'POST') =>
    <RG extends RouteGenericInterface = RouteGenericInterface>(
      url: string,
      permission: RoutePermission,
      handler: StaffHandler<RG>,
    ): void => {
      app.route({
        method,
        url,
        config: { permission },
        handler: (req, reply) => handler(req as FastifyRequest<RG>, reply, officeOf(req)),
      });
    };
  return { get: on('GET'), post: on('POST') };
}

/** A path segment that must be a UUID; anything else is a page that does not exist. */
export function uuidParam(value: string | undefined): string {
  const id = z.uuid().safeParse(value);
  if (!id.success) throw AppError.notFound();
  return id.data;
}

/** The active office of a slug, or 404 (with `notFoundKey` when the page has its own message). */
export async function activeOffice(
  app: FastifyInstance,
  slug: string,
  notFoundKey?: string,
): Promise<Office> {
  const office = await findOfficeBySlug(app.services.database.db, slug);
  if (!office || !office.active)
    throw notFoundKey ? new AppError('NOT_FOUND', notFoundKey) : AppError.notFound();
  return office;
}

/** A public page of an office (`/:office/…`): the office, remembered on the request for the layout. */
export async function publicOffice(req: FastifyRequest<{ Params: { office: string } }>): Promise<Office> {
  const office = await activeOffice(req.server, req.params.office);
  req.office = office;
  return office;
}

/** The office of a staff API call (`/api/v1/offices/:slug/…`): a bearer token is required. */
export async function tokenOffice(req: FastifyRequest, slug: string): Promise<Office> {
  if (req.actor.kind === 'public') throw new AppError('UNAUTHENTICATED', 'error.tokenRequired');
  return activeOffice(req.server, slug);
}
