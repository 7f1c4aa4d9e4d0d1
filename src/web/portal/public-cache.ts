import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { cacheView, type CacheView } from '../../platform/cache/generation.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  findCurrentVersion,
  findPublishedEntry,
  publishedYears,
  type Version,
  type VersionEntry,
} from '../../modules/dip/queries.ts';
import type { OfficeSettings } from '../../modules/offices/office-settings.ts';
import { getOfficeSettings, listOffices, type Office } from '../../modules/offices/queries.ts';
import { SESSION_COOKIE } from '../cookies.ts';
import { FLASH_COOKIE, issuedCsrf, renderPage, sendHtml } from '../render.tsx';
import { exemptDip, type ExemptDip } from '../exemptions/exempt-dip.ts';

// The public pages' reads of reference data, and the pages themselves, cached per database
// generation (ADR 0072): an office, a setting or a published DIP changed anywhere shows on the
// next request, in every process. Only published, public data goes through here.

export interface OfficeIndex {
  all: Office[];
  bySlug: Map<string, Office>;
  byId: Map<string, Office>;
  /** Active children of an office, by code. */
  children(parentId: string): Office[];
}

export async function publicView(db: Db): Promise<CacheView> {
  return cacheView(db);
}

export function officeIndex(view: CacheView, db: Db): Promise<OfficeIndex> {
  return view.get('offices', async () => {
    const all = await listOffices(db, { includeInactive: true });
    const children = new Map<string, Office[]>();
    for (const o of all) {
      if (!o.parentId || !o.active) continue;
      const list = children.get(o.parentId) ?? [];
      list.push(o);
      children.set(o.parentId, list);
    }
    return {
      all,
      bySlug: new Map(all.map((o) => [o.slug, o])),
      byId: new Map(all.map((o) => [o.id, o])),
      children: (id: string) => children.get(id) ?? [],
    };
  });
}

export async function cachedOfficeBySlug(view: CacheView, db: Db, slug: string): Promise<Office | undefined> {
  return (await officeIndex(view, db)).bySlug.get(slug);
}

export function cachedOfficeSettings(view: CacheView, db: Db, officeId: string): Promise<OfficeSettings> {
  return view.get(`settings:${officeId}`, () => getOfficeSettings(db, officeId));
}

export function cachedCurrentVersion(
  view: CacheView,
  db: Db,
  officeId: string,
): Promise<Version | undefined> {
  return view.get(`version:${officeId}`, () => findCurrentVersion(db, officeId));
}

export function cachedPublishedYears(view: CacheView, db: Db, officeId: string): Promise<number[]> {
  return view.get(`years:${officeId}`, () => publishedYears(db, officeId));
}

/** A published entry and its version (both immutable once published; `current` moves with the generation). */
export function cachedPublishedEntry(
  view: CacheView,
  db: Db,
  officeId: string,
  year: number,
  entryKey: string,
): Promise<{ version: Version; entry: VersionEntry } | undefined> {
  return view.get(`entry:${officeId}:${year}:${entryKey}`, () =>
    findPublishedEntry(db, officeId, year, entryKey),
  );
}

/** The office's DIP entries held exempt in whole (exemption decrees and entries bump the generation). */
export function cachedExemptDip(view: CacheView, db: Db, officeId: string): Promise<ExemptDip> {
  return view.get(`exempt:${officeId}`, () => exemptDip(db, officeId));
}

/** A visitor without a session or a flash message sees the same page as every other. */
function shareable(req: FastifyRequest): boolean {
  return req.method === 'GET' && !req.user && !req.cookies[SESSION_COOKIE] && !req.cookies[FLASH_COOKIE];
}

const pageKey = (req: FastifyRequest) => `${req.locale}\n${req.url}`;

/** The page already drawn for this URL and language in this generation, sent; or false. */
export async function sendCachedPage(
  view: CacheView,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  if (!shareable(req)) return false;
  const html = await view.page(pageKey(req));
  if (html === undefined) return false;
  sendHtml(reply, html);
  return true;
}

/** Draws and sends the page, keeping it when it is the same for every visitor (no form, no session). */
export function sendPublicPage(
  view: CacheView,
  req: FastifyRequest,
  reply: FastifyReply,
  node: VNode,
): FastifyReply {
  const html = renderPage(node);
  if (shareable(req) && !issuedCsrf(reply)) view.putPage(pageKey(req), html);
  return sendHtml(reply, html);
}
