import { z } from 'zod';
import { decryptBytes, encryptBytes, type KeyRing } from '../../platform/crypto.ts';
import { WORKLIST_VIEWS } from '../../modules/requests/list-worklist.ts';
import { WORKLIST_SORTS } from '../../modules/requests/queries.ts';
import { REQUEST_STATUSES } from '../../modules/requests/status.ts';

// The worklist's state lives in its address, so a view can be bookmarked, paged, sorted and
// saved. A search may be a person's name, NIK or phone: it travels sealed (AES-GCM with the data
// key, `cari=`), never in the clear, so it is in no access log, proxy log or browser history.

export const VIEWS = [...WORKLIST_VIEWS, ...REQUEST_STATUSES] as const;

export interface WorklistQuery {
  tampil: (typeof VIEWS)[number];
  /** The search in the clear (from `cari`, or the older plain `q`). */
  q: string;
  urut: (typeof WORKLIST_SORTS)[number];
  arah: 'asc' | 'desc';
  halaman: number;
}

export function sealSearch(keys: KeyRing, q: string): string {
  return encryptBytes(keys, Buffer.from(q, 'utf8')).toString('base64url');
}

export function openSearch(keys: KeyRing, sealed: string | undefined): string | undefined {
  if (!sealed) return undefined;
  try {
    return decryptBytes(keys, Buffer.from(sealed, 'base64url')).toString('utf8').slice(0, 100);
  } catch {
    return undefined;
  }
}

const querySchema = z.object({
  tampil: z.enum(VIEWS).catch('open'),
  q: z.string().trim().max(100).optional().catch(undefined),
  cari: z.string().max(400).optional().catch(undefined),
  urut: z.enum(WORKLIST_SORTS).catch('due'),
  arah: z.enum(['asc', 'desc']).catch('asc'),
  halaman: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseWorklistQuery(keys: KeyRing, raw: unknown): WorklistQuery {
  const p = querySchema.parse(raw ?? {});
  return {
    tampil: p.tampil,
    q: openSearch(keys, p.cari) ?? p.q ?? '',
    urut: p.urut,
    arah: p.arah,
    halaman: p.halaman,
  };
}

/** The worklist address for a state; defaults are left out, the search is sealed. */
export function worklistHref(keys: KeyRing, base: string, s: Partial<WorklistQuery>): string {
  const p = new URLSearchParams();
  if (s.tampil && s.tampil !== 'open') p.set('tampil', s.tampil);
  if (s.q) p.set('cari', sealSearch(keys, s.q));
  if (s.urut && s.urut !== 'due') p.set('urut', s.urut);
  if (s.arah && s.arah !== 'asc') p.set('arah', s.arah);
  if (s.halaman && s.halaman > 1) p.set('halaman', String(s.halaman));
  const qs = p.toString();
  return qs ? `${base}?${qs}` : base;
}
