import type { Ctx } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';

/** What the request use cases need beyond the database and the clock. */
export interface RequestsCtx extends Ctx {
  files: FileStore;
  /** Data encryption keys (NIK, members, identity scans, stored idempotent answers). */
  keys: KeyRing;
  /** Base address for links in emails, e.g. https://ppid.kpu.go.id */
  publicUrl: string;
  uploadMaxBytes: number;
}
