import { configFromEnv, loadDotEnv, openServices } from './bootstrap.ts';
import { JobWorker } from './platform/jobs/queue.ts';
import { jobDefinitions, periodicTasks } from './jobs.ts';
import { readyChannels, releaseHeldMailOnStart } from './platform/mail/mailer.ts';

// A separate worker process, for deployments on a PostgreSQL server that run the web
// processes with RUN_WORKER=false. Several workers may run side by side.
async function main(): Promise<void> {
  loadDotEnv();
  const { config } = configFromEnv(process.env);
  if (config.database.kind === 'pglite') {
    console.error(
      'The separate worker needs DATABASE_URL: the embedded database serves one process, which runs the worker itself.',
    );
    process.exit(1);
  }
  const services = await openServices(config);
  const ready = readyChannels(config);
  if (ready.length > 0 && config.mailSendHeldOnStart) {
    const released = await releaseHeldMailOnStart(services.database.db, services.clock.now(), ready);
    if (released > 0) console.log(`held emails queued for sending (MAIL_SEND_HELD_ON_START): ${released}`);
  }
  const worker = new JobWorker({
    db: services.database.db,
    clock: services.clock,
    definitions: jobDefinitions(config),
    periodic: periodicTasks(config),
    log: (level, msg, extra) => console[level === 'info' ? 'log' : level](msg, extra ?? ''),
  });
  const stop = async () => {
    await worker.stop();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  worker.start();
  console.log('Terbuka worker running');
}

void main();
