import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { parseInput } from '../../platform/validation.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { can, type OfficeRef } from '../access/permissions.ts';
import { insertCalendarFeed, revokeCalendarFeedRow } from './queries.ts';
import { FEED_SCOPES } from './schema.ts';

/** The prefix tells an operator what a leaked string is (as API tokens carry `tbk_`). */
const FEED_TOKEN_PREFIX = 'cal_';

export const createFeedInput = z.object({ scope: z.enum(FEED_SCOPES) });

/** The person behind a session; an API token or the system has no calendar of its own. */
function signedInUser(actor: Actor, office: OfficeRef): string {
  if (actor.kind !== 'user' || !actor.userId) throw AppError.forbidden();
  if (!can.enterOffice(actor, office)) throw AppError.forbidden();
  return actor.userId;
}

/**
 * Creates a calendar feed of the officer's deadlines in one office. The secret is returned once,
 * inside the feed's address; only its sha256 is kept, so neither a backup nor an administrator
 * can read it back.
 */
export async function createCalendarFeed(
  ctx: Ctx,
  actor: Actor,
  input: { office: OfficeRef; locale: Locale; data: unknown },
): Promise<{ id: string; token: string }> {
  const userId = signedInUser(actor, input.office);
  const data = parseInput(createFeedInput, input.data);
  const token = `${FEED_TOKEN_PREFIX}${randomToken(32)}`;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const feed = await insertCalendarFeed(tx, {
      officeId: input.office.id,
      userId,
      scope: data.scope,
      locale: input.locale,
      tokenHash: sha256Hex(token),
      createdAt: now,
    });
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: input.office.id,
        action: 'calendarFeed.created',
        entityType: 'calendar_feed',
        entityId: feed.id,
        after: { scope: data.scope },
      },
      now,
    );
    return { id: feed.id, token };
  });
}

/** Revokes one of the officer's own feeds: its address answers 404 from then on. */
export async function revokeCalendarFeed(
  ctx: Ctx,
  actor: Actor,
  input: { office: OfficeRef; feedId: string },
): Promise<void> {
  const userId = signedInUser(actor, input.office);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await revokeCalendarFeedRow(tx, { officeId: input.office.id, userId, id: input.feedId }, now);
    if (!row) throw AppError.notFound();
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: input.office.id,
        action: 'calendarFeed.revoked',
        entityType: 'calendar_feed',
        entityId: row.id,
        after: { scope: row.scope },
      },
      now,
    );
  });
}
