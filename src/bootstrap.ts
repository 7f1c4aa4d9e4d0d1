import { existsSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from './platform/clock.ts';
import { loadConfig, type Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import { migrationStatus, runMigrations } from './platform/db/migrate.ts';
import { openDatabase, type DatabaseTarget } from './platform/db/open-database.ts';
import { ensureLocalSecrets } from './platform/secrets.ts';
import { FileStore } from './platform/storage/file-store.ts';
import { seedHolidays } from './modules/calendar/seed-holidays.ts';
import { seedKpuOffices } from './modules/offices/seed-offices.ts';
import './modules/deadline-listeners.ts';

export interface Services {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  files: FileStore;
  close(): Promise<void>;
}

/** Loads ./.env when present; variables already in the environment win. */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/** Reads the configuration, generating local keys for a non-production data directory. */
export function configFromEnv(env: Record<string, string | undefined>): {
  config: Config;
  notices: string[];
} {
  const notices: string[] = [];
  const production = env.NODE_ENV === 'production';
  const needsKeys = !env.SECRET_KEY || !env.DATA_ENCRYPTION_KEY;
  if (!production && needsKeys) {
    const dataDir = env.DATA_DIR || './data';
    const { secrets, created } = ensureLocalSecrets(dataDir);
    if (created)
      notices.push(
        `Generated local keys in ${path.join(dataDir, 'secrets.json')} (set SECRET_KEY and DATA_ENCRYPTION_KEY in production).`,
      );
    return { config: loadConfig(env, secrets), notices };
  }
  return { config: loadConfig(env), notices };
}

export function databaseTarget(config: Config): DatabaseTarget {
  return config.database.kind === 'postgres'
    ? { kind: 'postgres', url: config.database.url, poolMax: config.database.poolMax }
    : { kind: 'pglite', dataDir: config.database.dataDir };
}

/**
 * Opens the database, applies pending migrations and loads the reference data every
 * deployment needs (KPU offices, the national holiday list). All of it idempotent.
 */
export async function openServices(
  config: Config,
  clock: Clock = systemClock,
  forceMigrate = false,
): Promise<Services> {
  const database = await openDatabase(databaseTarget(config));
  try {
    // One query against the journal first: a warm start has nothing to apply and skips
    // reading, hashing and re-checking every migration file (ADR 0111).
    const status = await migrationStatus(database.db);
    if (status.pending.length > 0) {
      if (!config.migrateOnStart && !forceMigrate)
        throw new Error(
          `${status.pending.length} migrations are pending and MIGRATE_ON_START=false: run \`terbuka migrate\` with the owner role's DATABASE_URL first.`,
        );
      await runMigrations(database, config.database.kind === 'postgres' ? config.database.url : undefined);
    }
    await seedKpuOffices(database.db);
    await seedHolidays(database.db);
  } catch (e) {
    await database.close();
    throw e;
  }
  const files = new FileStore(path.join(config.dataDir, 'files'), config.dataKeys);
  return { config, database, clock, files, close: () => database.close() };
}
