import type { Ctx } from '../../platform/context.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';

export interface RedactionCtx extends Ctx {
  files: FileStore;
  uploadMaxBytes: number;
}

/** Page images for marking: sharp enough to read a NIK, small enough for a phone. */
export const MARKING_DPI = 100;
