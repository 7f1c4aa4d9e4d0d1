import type { FastifyReply, FastifyRequest } from 'fastify';
import { decryptText, encryptText, type KeyRing } from '../../platform/crypto.ts';

// After the requester proves number + tracking code once, an encrypted cookie remembers it for
// two hours so the tracking page, its letters and downloads work without typing it again. The
// code never appears in a URL (URLs end up in logs and browser history).

const TRACK_COOKIE = 'tbk_track';
const SUBMITTED_COOKIE = 'tbk_submitted';
const TRACK_HOURS = 2;

export interface TrackingProof {
  officeId: string;
  number: string;
  code: string;
}

function seal(keys: KeyRing, value: unknown, hours: number): string {
  return encryptText(keys, JSON.stringify({ v: value, e: Date.now() + hours * 3_600_000 }));
}

function open<T>(keys: KeyRing, raw: string | undefined): T | null {
  if (!raw) return null;
  try {
    const { v, e } = JSON.parse(decryptText(keys, raw)) as { v: T; e: number };
    return e > Date.now() ? v : null;
  } catch {
    return null;
  }
}

const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: 'auto' as const };

export function rememberTracking(reply: FastifyReply, keys: KeyRing, proof: TrackingProof): void {
  reply.setCookie(TRACK_COOKIE, seal(keys, proof, TRACK_HOURS), {
    ...cookieOptions,
    maxAge: TRACK_HOURS * 3600,
  });
}

export function trackingProof(req: FastifyRequest, keys: KeyRing, officeId: string): TrackingProof | null {
  const proof = open<TrackingProof>(keys, req.cookies[TRACK_COOKIE]);
  return proof && proof.officeId === officeId ? proof : null;
}

export function forgetTracking(reply: FastifyReply): void {
  reply.clearCookie(TRACK_COOKIE, { path: '/' });
}

export interface SubmittedNotice {
  officeId: string;
  number: string;
  trackingCode: string;
  dueDate: string;
  documentsToken: string;
  email: boolean;
}

/** The confirmation is shown once after the redirect (Post/Redirect/Get) and then forgotten. */
export function rememberSubmitted(reply: FastifyReply, keys: KeyRing, notice: SubmittedNotice): void {
  reply.setCookie(SUBMITTED_COOKIE, seal(keys, notice, 1), { ...cookieOptions, maxAge: 3600 });
}

export function takeSubmitted(
  req: FastifyRequest,
  reply: FastifyReply,
  keys: KeyRing,
  officeId: string,
): SubmittedNotice | null {
  const notice = open<SubmittedNotice>(keys, req.cookies[SUBMITTED_COOKIE]);
  reply.clearCookie(SUBMITTED_COOKIE, { path: '/' });
  return notice && notice.officeId === officeId ? notice : null;
}
