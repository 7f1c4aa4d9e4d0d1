import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../db/database.ts';

// A process-local cache of reference data that is valid for one database generation
// (ADR 0072). Every write to a cached table bumps `cache_generation.n` in its own transaction
// (statement triggers), so a request that reads the generation after a commit sees the change
// — in this process and in every other one, without messages between them.
//
// The generation read is shared: while one read is on the wire, the requests that arrive meanwhile
// wait for the NEXT read (sent after they arrived), never for the one already sent — a read sent
// before a commit that the visitor has already seen the answer to would be stale. So each request
// sees every commit that finished before it arrived, at most one small query per round trip.

class GenerationReader {
  private inflight: Promise<number> | undefined;
  private queued: Promise<number> | undefined;
  constructor(private readonly db: Db) {}

  read(): Promise<number> {
    if (this.queued) return this.queued;
    if (!this.inflight) return this.start();
    const prev = this.inflight;
    this.queued = prev
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<number> {
    const p: Promise<number> = queryRows<{ n: string | number }>(
      this.db,
      sql`select n from cache_generation where id = 1`,
    )
      .then((rows) => Number(rows[0]?.n ?? -1))
      .finally(() => {
        if (this.inflight === p) this.inflight = undefined;
      });
    this.inflight = p;
    return p;
  }
}

interface Slot {
  value: Promise<unknown>;
  bytes: number;
}

/** The values of one generation, least recently used first. */
class GenerationStore {
  generation = Number.NaN;
  private readonly slots = new Map<string, Slot>();
  private bytes = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** Drops everything when the generation moved on. */
  at(generation: number): void {
    if (generation === this.generation) return;
    this.generation = generation;
    this.slots.clear();
    this.bytes = 0;
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.slots.get(key);
    if (hit) {
      this.slots.delete(key);
      this.slots.set(key, hit);
      return hit.value as Promise<T>;
    }
    const generation = this.generation;
    const value = load();
    this.put(key, value, 0);
    // A failed load is not kept.
    value.catch(() => {
      if (this.generation === generation && this.slots.get(key)?.value === value) this.remove(key);
    });
    return value;
  }

  peek(key: string): unknown {
    const hit = this.slots.get(key);
    if (!hit) return undefined;
    this.slots.delete(key);
    this.slots.set(key, hit);
    return hit.value;
  }

  put(key: string, value: Promise<unknown>, bytes: number): void {
    this.remove(key);
    this.slots.set(key, { value, bytes });
    this.bytes += bytes;
    while (this.slots.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.slots.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    this.bytes -= slot.bytes;
  }

  get size(): number {
    return this.slots.size;
  }
}

/** What one request sees of the cache: the generation it read, and its values. */
export interface CacheView {
  readonly generation: number;
  /** A cached value, or `load()` once per generation (concurrent callers share the load). */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** A cached string (a rendered page), or undefined. */
  page(key: string): Promise<string> | undefined;
  /** Keeps a rendered page for this generation. */
  putPage(key: string, html: string): void;
}

interface Cache {
  reader: GenerationReader;
  data: GenerationStore;
  pages: GenerationStore;
}

const caches = new WeakMap<Db, Cache>();

/** The largest page kept, and the bounds of the page store (per process). */
export const PAGE_CACHE_LIMITS = { maxPageBytes: 256 * 1024, maxPages: 400, maxBytes: 32 * 1024 * 1024 };

function cacheOf(db: Db): Cache {
  let c = caches.get(db);
  if (!c) {
    c = {
      reader: new GenerationReader(db),
      data: new GenerationStore(5000, Number.POSITIVE_INFINITY),
      pages: new GenerationStore(PAGE_CACHE_LIMITS.maxPages, PAGE_CACHE_LIMITS.maxBytes),
    };
    caches.set(db, c);
  }
  return c;
}

/**
 * Reads the generation (shared, see above) and returns the cache as of it. Use only with the
 * root database, never inside a transaction (a transaction may see its own uncommitted rows).
 */
export async function cacheView(db: Db): Promise<CacheView> {
  const c = cacheOf(db);
  // Reads are sequential (one on the wire at a time), so generations arrive in commit order.
  const generation = await c.reader.read();
  if (generation >= 0) {
    c.data.at(generation);
    c.pages.at(generation);
  }
  // A value loaded for this generation is kept only while the store is still at it.
  const live = (store: GenerationStore) => generation >= 0 && store.generation === generation;
  return {
    generation,
    get: (key, load) => (live(c.data) ? c.data.get(key, load) : load()),
    page: (key) => (live(c.pages) ? (c.pages.peek(key) as Promise<string> | undefined) : undefined),
    putPage: (key, html) => {
      if (!live(c.pages)) return;
      const bytes = Buffer.byteLength(html);
      if (bytes <= PAGE_CACHE_LIMITS.maxPageBytes) c.pages.put(key, Promise.resolve(html), bytes);
    },
  };
}

/**
 * A read of reference data under the generation: cached when `db` is the root database, read
 * live inside a transaction (which may see its own uncommitted rows, and on PGlite holds the
 * only connection). Only for tables whose writes bump the generation.
 */
export async function cachedRead<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  if (db instanceof PgTransaction) return load();
  return (await cacheView(db)).get(key, load);
}
