import { sha256Hex } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import type { Office } from '../offices/queries.ts';
import {
  disposedUnitIds,
  findDownloadLink,
  findRequest,
  findRequestByNumber,
  type RequestRow,
} from './queries.ts';
import { activeOffice } from './request-steps.ts';
import { countDownloadLinkUse } from './write-queries.ts';
import { trackingCodeMatches } from './tracking-code.ts';

/** The three ways to reach a request: as staff, with number + tracking code, or with a link. */
export type RequestAccess =
  | { kind: 'staff'; actor: Actor; officeId: string; requestId: string }
  | { kind: 'tracking'; officeId: string; number: string; code: string }
  | { kind: 'link'; officeId: string; token: string };

export interface ResolvedAccess {
  office: Office;
  request: RequestRow;
  audience: 'staff' | 'requester';
  /** For link access: until when the link works. */
  linkExpiresAt?: Date;
}

/**
 * Checks the access and returns the request. A wrong code or an unknown, expired or other
 * office's link answers "not found", never "forbidden", so nothing is learnt by guessing.
 */
export async function resolveRequestAccess(ctx: Ctx, access: RequestAccess): Promise<ResolvedAccess> {
  const office = await activeOffice(ctx.db, access.officeId);
  switch (access.kind) {
    case 'staff': {
      if (!canRequests.viewRequests(access.actor, office)) throw AppError.forbidden();
      // One round: the units it was disposed to are read beside the request.
      const [request, units] = await Promise.all([
        findRequest(ctx.db, office.id, access.requestId),
        disposedUnitIds(ctx.db, office.id, access.requestId),
      ]);
      if (!request) throw AppError.notFound();
      if (!canRequests.viewRequest(access.actor, office, units)) {
        throw AppError.forbidden();
      }
      return { office, request, audience: 'staff' };
    }
    case 'tracking': {
      const request = await findRequestByNumber(ctx.db, office.id, access.number.trim());
      if (!request || !trackingCodeMatches(access.code, request.trackingCodeHash))
        throw new AppError('NOT_FOUND', 'requests.error.trackingNotFound');
      return { office, request, audience: 'requester' };
    }
    case 'link': {
      const link = await findDownloadLink(ctx.db, office.id, sha256Hex(access.token));
      if (!link || link.expiresAt <= ctx.clock.now())
        throw new AppError('NOT_FOUND', 'requests.error.linkExpired');
      const request = await findRequest(ctx.db, office.id, link.requestId);
      if (!request) throw AppError.notFound();
      return { office, request, audience: 'requester', linkExpiresAt: link.expiresAt };
    }
  }
}

/** Counts a download through an emailed link (shown to staff; a leaked link shows up). */
export async function countLinkUse(ctx: Ctx, officeId: string, token: string): Promise<void> {
  await countDownloadLinkUse(ctx.db, officeId, sha256Hex(token));
}
