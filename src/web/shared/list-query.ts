import { z } from 'zod';
import { decryptBytes, encryptBytes, type KeyRing } from '../../platform/crypto.ts';

// The state of a staff list (the request and objection worklists, the archive, the DIP
// proposals) lives in its address, so a view can be bookmarked, paged, sorted and saved: `tampil`
// (a view or status), `cari` (the search), `urut`/`arah` (sort column and direction) and
// `halaman` (1-based page). A search may be a person's name, NIK or phone: it travels sealed
// (AES-GCM with the data key, `cari=`), never in the clear, so it is in no access log, proxy log
// or browser history (ADR 0053). An older plain `q=` is still read.

export interface ListQuery<V extends string, S extends string> {
  tampil: V;
  /** The search in the clear (from `cari`, or the older plain `q`). */
  q: string;
  urut: S;
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

export interface ListQuerySpec<V extends string, S extends string> {
  views: readonly [V, ...V[]];
  defaultView: NoInfer<V>;
  sorts: readonly [S, ...S[]];
  defaultSort: NoInfer<S>;
  /**
   * false: the search is no personal data (a title, a code) and travels as a plain `q=`, so a
   * GET form serves. Default true: sealed in `cari=`.
   */
  sealed?: boolean;
}

export interface ListQueryKit<V extends string, S extends string> {
  /** The state of a list from its query string (anything unknown falls back to the default). */
  parse: (keys: KeyRing, raw: unknown) => ListQuery<V, S>;
  /** The list's address for a state; defaults are left out, the search is sealed. */
  href: (keys: KeyRing, base: string, s: Partial<ListQuery<V, S>>) => string;
  /** The state a search form posted (`tampil`, `q`, `urut`, `arah`), from page 1. */
  fromForm: (keys: KeyRing, field: (name: string) => string | undefined) => ListQuery<V, S>;
}

/** The address state of one list: its views, its sort columns and their defaults. */
export function defineListQuery<V extends string, S extends string>(
  spec: ListQuerySpec<V, S>,
): ListQueryKit<V, S> {
  const schema = z.object({
    tampil: z.enum(spec.views as unknown as [string, ...string[]]).catch(spec.defaultView),
    q: z.string().trim().max(100).optional().catch(undefined),
    cari: z.string().max(400).optional().catch(undefined),
    urut: z.enum(spec.sorts as unknown as [string, ...string[]]).catch(spec.defaultSort),
    arah: z.enum(['asc', 'desc']).catch('asc'),
    halaman: z.coerce.number().int().min(1).max(100_000).catch(1),
  });
  const parse = (keys: KeyRing, raw: unknown): ListQuery<V, S> => {
    const p = schema.parse(raw ?? {});
    return {
      tampil: p.tampil as V,
      q: openSearch(keys, p.cari) ?? p.q ?? '',
      urut: p.urut as S,
      arah: p.arah,
      halaman: p.halaman,
    };
  };
  return {
    parse,
    href: (keys, base, s) => {
      const p = new URLSearchParams();
      if (s.tampil && s.tampil !== spec.defaultView) p.set('tampil', s.tampil);
      if (s.q) {
        if (spec.sealed === false) p.set('q', s.q);
        else p.set('cari', sealSearch(keys, s.q));
      }
      if (s.urut && s.urut !== spec.defaultSort) p.set('urut', s.urut);
      if (s.arah && s.arah !== 'asc') p.set('arah', s.arah);
      if (s.halaman && s.halaman > 1) p.set('halaman', String(s.halaman));
      const qs = p.toString();
      return qs ? `${base}?${qs}` : base;
    },
    fromForm: (keys, field) =>
      parse(keys, {
        tampil: field('tampil'),
        q: (field('q') ?? '').slice(0, 100),
        urut: field('urut'),
        arah: field('arah'),
      }),
  };
}
