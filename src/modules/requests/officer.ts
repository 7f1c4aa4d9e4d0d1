import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { letterCity, letterheadOf } from '../offices/letterhead.ts';
import type { OfficeSettings } from '../offices/office-settings.ts';
import type { Office } from '../offices/queries.ts';
import { findUserById } from '../people/queries.ts';
import type { IssuedBy } from './schema.ts';

/**
 * The name (and NIP) printed for the person who acts: the signed-in user, or the person an API
 * token acts for. A token that acts for no one cannot sign, so it cannot issue letters (issue 13
 * item 9); the system and the command line print their label.
 */
export async function officerOf(db: Db, actor: Actor): Promise<{ name: string; nip: string | null }> {
  if (actor.userId) {
    const user = await findUserById(db, actor.userId);
    if (user) return { name: user.name, nip: user.nip };
  }
  if (actor.kind === 'public') return { name: 'Layanan permohonan daring', nip: null };
  if (actor.kind === 'token' || actor.kind === 'user') throw AppError.forbidden('error.letter.noPerson');
  return { name: actor.label, nip: null };
}

/** What a letter prints about the office, frozen at issue so a later change cannot alter it. */
export function issuedByOf(office: Office, settings: OfficeSettings): IssuedBy {
  const head = letterheadOf(office, settings);
  return {
    officeName: office.name,
    letterheadLines: head.titleLines,
    address: head.address ?? null,
    contactLine: head.contactLine ?? null,
    logoFileId: settings.letterhead.logoFileId,
    city: letterCity(office, settings),
    timeZone: office.timezone,
    paymentInstructions: settings.requests.paymentInstructions,
  };
}
