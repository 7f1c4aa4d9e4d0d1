import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests, type OfficeRef } from '../access/permissions.ts';
import type { RequestRow } from './queries.ts';
import { trackingCodeMatches } from './tracking-code.ts';

/**
 * A step the requester may take themselves (complete, withdraw): a member of the public proves
 * it is their request with the tracking code; the desk may record it on their behalf.
 */
export function checkRequesterOrDesk(
  actor: Actor,
  office: OfficeRef,
  request: RequestRow,
  trackingCode: string | undefined,
): void {
  if (actor.kind === 'public') {
    if (!trackingCode || !trackingCodeMatches(trackingCode, request.trackingCodeHash))
      throw AppError.notFound();
    return;
  }
  if (!canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
}
