import { configFromEnv, loadDotEnv, openServices, type Services } from './bootstrap.ts';
import { ConfigError } from './platform/config.ts';
import { JobWorker } from './platform/jobs/queue.ts';
import { jobDefinitions, periodicTasks } from './jobs.ts';
import { countUsers } from './modules/people/user-write-queries.ts';
import { buildApp } from './web/app.ts';
import { readyChannels, releaseHeldMailOnStart } from './platform/mail/mailer.ts';

const started = performance.now();

async function main(): Promise<void> {
  let services: Services;
  let notices: string[];
  try {
    loadDotEnv();
    const loaded = configFromEnv(process.env);
    notices = loaded.notices;
    services = await openServices(loaded.config);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    console.error(`Terbuka could not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const { config } = services;
  for (const n of notices) console.log(n);
  if (config.database.kind === 'pglite') {
    console.log(
      `Embedded database (PGlite) in ${config.database.dataDir}. It serves one process and does not fsync: ` +
        'safe against a crash of the process, not against power loss. Use DATABASE_URL with a PostgreSQL server in production.',
    );
  }

  const ctx = {
    db: services.database.db,
    clock: services.clock,
    passwordHashCost: config.passwordHashCost,
    files: services.files,
    dataKeys: config.dataKeys,
    publicUrl: config.publicUrl,
    uploadMaxBytes: config.uploadMaxBytes,
  };
  // The demo seed (sample PDFs, workbooks, its scenes) loads only on a fresh install (no user yet) (ADR 0111, round 2).
  if (config.seedDemo && (await countUsers(ctx.db)) === 0) {
    const { seedDemo, formatCredentials } = await import('./modules/demo/seed-demo.ts');
    const credentials = await seedDemo(ctx);
    console.log(
      '\nDemo staff accounts (shown once; passwords are random and stored only as hashes):\n' +
        formatCredentials(credentials) +
        '\n',
    );
  }

  const app = await buildApp(services);
  const ready = readyChannels(config);
  if (ready.length > 0 && config.mailSendHeldOnStart) {
    const released = await releaseHeldMailOnStart(services.database.db, services.clock.now(), ready);
    if (released > 0) app.log.info({ released }, 'held emails queued for sending (MAIL_SEND_HELD_ON_START)');
  }
  const worker = config.runWorker
    ? new JobWorker({
        db: services.database.db,
        clock: services.clock,
        definitions: jobDefinitions(config),
        periodic: periodicTasks(config),
        log: (level, msg, extra) => app.log[level](extra ?? {}, msg),
      })
    : undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received, shutting down`);
    await app.close();
    await worker?.stop();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  worker?.start();
  console.log(
    `Terbuka is listening on ${config.publicUrl} (ready in ${Math.round(performance.now() - started)} ms)`,
  );
}

void main();
