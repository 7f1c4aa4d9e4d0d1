import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { appRoleGrants, applyAppRoleGrants } from './platform/db/roles.ts';
import { configFromEnv, databaseTarget, loadDotEnv, openServices, type Services } from './bootstrap.ts';
import { BackupError, keysReminder, restoreBackup, writeBackup } from './platform/backup/backup.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open-database.ts';
import { verifyAuditChains } from './platform/audit/audit.ts';
import { AppError, isAppError } from './platform/errors.ts';
import { createTranslate } from './platform/i18n.ts';
import { cliActor } from './modules/access/actor.ts';
import { importHolidays } from './modules/calendar/manage-holidays.ts';
import { formatCredentials, isFreshInstall, seedDemo } from './modules/demo/seed-demo.ts';
import { createApiToken, officeIdBySlug, revokeApiToken } from './modules/people/api-tokens.ts';
import {
  createUserWithRole,
  grantRole,
  resetPassword,
  revokeRole,
  setUserDisabled,
  todayInJakarta,
} from './modules/people/manage-users.ts';
import { findUserByEmail, listOfficeAssignments } from './modules/people/queries.ts';
import { ROLES } from './modules/people/schema.ts';
import { catalog } from './web/i18n/catalog.ts';
import { safeError } from './platform/safe-error.ts';

// `terbuka` — the administrator's command-line tool. It runs on the server with the
// operator's rights and writes the same audit trail as the web interface.

const t = createTranslate(catalog, 'en');

async function withServices<T>(fn: (s: Services) => Promise<T>, migrate = false): Promise<T> {
  loadDotEnv();
  const { config } = configFromEnv(process.env);
  const services = await openServices(config, undefined, migrate);
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

function ctxOf(s: Services) {
  return {
    db: s.database.db,
    clock: s.clock,
    passwordHashCost: s.config.passwordHashCost,
    files: s.files,
    dataKeys: s.config.dataKeys,
    publicUrl: s.config.publicUrl,
    uploadMaxBytes: s.config.uploadMaxBytes,
  };
}

async function userIdByEmail(s: Services, email: string): Promise<string> {
  const user = await findUserByEmail(s.database.db, email);
  if (!user) throw new AppError('NOT_FOUND', 'error.notFound');
  return user.id;
}

const program = new Command('terbuka').description('Terbuka administration').showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations and load reference data (offices, holidays)')
  .action(() => withServices(async () => console.log('Database is up to date.'), true));

program
  .command('grant-app-role')
  .argument('<role>', 'the PostgreSQL role the application runs as (it must exist and own nothing)')
  .description(
    'as the owner, after `terbuka migrate`: give the app role what it needs, and only SELECT/INSERT on audit_log (README "Production with PostgreSQL")',
  )
  .option('--print', 'print the statements instead of running them')
  .action((role: string, opts: { print?: boolean }) => {
    if (opts.print) {
      for (const statement of appRoleGrants(role)) console.log(`${statement};`);
      return;
    }
    return withServices(async (s) => {
      await applyAppRoleGrants(s.database.db, role);
      console.log(`Granted the application's rights to ${role}.`);
    }, true);
  });

program
  .command('seed-demo')
  .description('create the demo staff accounts (only on a database without accounts)')
  .action(() =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      if (!(await isFreshInstall(ctx)))
        throw new Error('This database already has staff accounts; demo data is only for a fresh install.');
      console.log(
        formatCredentials(
          await seedDemo({ ...ctx, files: s.files, uploadMaxBytes: s.config.uploadMaxBytes }),
        ),
      );
    }),
  );

const user = program.command('user').description('staff accounts');
user
  .command('add')
  .description('create an account with a first role in an office; prints a one-time password')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--office <slug>')
  .addOption(new Option('--role <role>').choices(ROLES).makeOptionMandatory())
  .option('--unit <unitId>', 'unit (for PPID_PEMBANTU)')
  .option('--nip <nip>')
  .option('--from <date>', 'valid from (YYYY-MM-DD), default today')
  .option('--to <date>', 'valid until (YYYY-MM-DD)')
  .option('--decree <number>', 'number of the appointing decree (SK)')
  .action((o: Record<string, string>) =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      const result = await createUserWithRole(ctx, cliActor(), {
        officeId: await officeIdBySlug(ctx, o.office!),
        user: { email: o.email, name: o.name, nip: o.nip },
        role: {
          role: o.role,
          unitId: o.unit,
          validFrom: o.from ?? todayInJakarta(s.clock.now()),
          validTo: o.to,
          decreeNumber: o.decree,
        },
      });
      console.log(
        result.password
          ? `Created ${result.user.email}; one-time password: ${result.password}`
          : `Added role to ${result.user.email}.`,
      );
    }),
  );
user
  .command('disable <email>')
  .description('disable an account and end its sessions')
  .action((email: string) =>
    withServices(async (s) => {
      await setUserDisabled(ctxOf(s), cliActor(), {
        officeId: null,
        userId: await userIdByEmail(s, email),
        disabled: true,
      });
      console.log(`Disabled ${email}.`);
    }),
  );
user
  .command('enable <email>')
  .description('enable a disabled account')
  .action((email: string) =>
    withServices(async (s) => {
      await setUserDisabled(ctxOf(s), cliActor(), {
        officeId: null,
        userId: await userIdByEmail(s, email),
        disabled: false,
      });
      console.log(`Enabled ${email}.`);
    }),
  );
user
  .command('reset-password <email>')
  .description('set a new one-time password (the user must change it at next sign-in)')
  .action((email: string) =>
    withServices(async (s) => {
      const password = await resetPassword(ctxOf(s), cliActor(), {
        officeId: null,
        userId: await userIdByEmail(s, email),
      });
      console.log(`New one-time password for ${email}: ${password}`);
    }),
  );

const role = program.command('role').description('role assignments');
role
  .command('grant <email> <role>')
  .description('grant a role in an office')
  .requiredOption('--office <slug>')
  .option('--unit <unitId>')
  .option('--from <date>')
  .option('--to <date>')
  .option('--decree <number>')
  .action((email: string, roleName: string, o: Record<string, string>) =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      const a = await grantRole(ctx, cliActor(), {
        officeId: await officeIdBySlug(ctx, o.office!),
        userId: await userIdByEmail(s, email),
        role: {
          role: roleName,
          unitId: o.unit,
          validFrom: o.from ?? todayInJakarta(s.clock.now()),
          validTo: o.to,
          decreeNumber: o.decree,
        },
      });
      console.log(`Granted ${a.role} to ${email} (assignment ${a.id}).`);
    }),
  );
role
  .command('revoke <email> <role>')
  .description('revoke a role in an office')
  .requiredOption('--office <slug>')
  .action((email: string, roleName: string, o: Record<string, string>) =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      const officeId = await officeIdBySlug(ctx, o.office!);
      const userId = await userIdByEmail(s, email);
      const held = (await listOfficeAssignments(ctx.db, officeId)).filter(
        (m) => m.user.id === userId && m.assignment.role === roleName && !m.assignment.revokedAt,
      );
      if (held.length === 0) throw new AppError('NOT_FOUND', 'error.notFound');
      for (const m of held) await revokeRole(ctx, cliActor(), { officeId, assignmentId: m.assignment.id });
      console.log(`Revoked ${roleName} from ${email}.`);
    }),
  );

const token = program.command('token').description('API tokens for integrations');
token
  .command('create')
  .description('create a token scoped to an office and a role; prints it once')
  .requiredOption('--office <slug>')
  .addOption(
    new Option('--role <role>').choices(ROLES.filter((r) => r !== 'NATIONAL_ADMIN')).makeOptionMandatory(),
  )
  .requiredOption('--name <name>')
  .option('--expires <date>', 'last valid day (YYYY-MM-DD)')
  .option(
    '--person <email>',
    'the role holder the token acts for (signs its letters); without it the token cannot issue letters',
  )
  .action((o: Record<string, string>) =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      const person = o.person ? await findUserByEmail(ctx.db, o.person) : undefined;
      if (o.person && !person) throw new Error(`no account with e-mail ${o.person}`);
      const r = await createApiToken(ctx, cliActor(), {
        officeId: await officeIdBySlug(ctx, o.office!),
        data: { name: o.name, role: o.role, expiresAt: o.expires, actingUserId: person?.id },
      });
      console.log(`Token ${r.id} (shown once):\n${r.token}`);
    }),
  );
token
  .command('revoke <tokenId>')
  .requiredOption('--office <slug>')
  .action((tokenId: string, o: Record<string, string>) =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      await revokeApiToken(ctx, cliActor(), { officeId: await officeIdBySlug(ctx, o.office!), tokenId });
      console.log(`Revoked token ${tokenId}.`);
    }),
  );

program
  .command('holidays')
  .description('national days off')
  .command('import <file>')
  .description('import days off from CSV (date,kind,name,legal_basis) or iCalendar (.ics); all rows or none')
  .addOption(
    new Option('--kind <kind>', 'kind for iCalendar events without a category')
      .choices(['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_KHUSUS'])
      .default('LIBUR_NASIONAL'),
  )
  .option('--no-mark-years', 'do not mark the years in the file as loaded')
  .action((file: string, o: { kind: string; markYears: boolean }) =>
    withServices(async (s) => {
      const text = readFileSync(file, 'utf8');
      const format = /\.ics$/i.test(file) || text.startsWith('BEGIN:VCALENDAR') ? 'ical' : 'csv';
      const r = await importHolidays(
        ctxOf(s),
        cliActor(),
        { format, defaultKind: o.kind, markYearsCovered: String(o.markYears) },
        text,
      );
      console.log(`Imported: ${r.added} added, ${r.updated} updated (years ${r.years.join(', ')}).`);
    }),
  );

program
  .command('audit')
  .description('audit trail')
  .command('verify')
  .description('recompute every hash chain and report tampering; exits 2 when a chain is broken')
  .option('--office <slug>')
  .option('--anchors', 'print the last seq and hash of every chain')
  .option(
    '--expect <anchor>',
    'the anchor printed earlier; a different one is reported (exit 2) unless rows were only added',
  )
  .action((o: { office?: string; anchors?: boolean; expect?: string }) =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      const result = await verifyAuditChains(
        ctx.db,
        o.office ? await officeIdBySlug(ctx, o.office) : undefined,
      );
      if (o.anchors)
        for (const a of result.anchors) console.log(`CHAIN office ${a.officeId} seq ${a.seq} hash ${a.hash}`);
      // Keep this line somewhere the database's users cannot write (ADR 0041).
      console.log(
        `ANCHOR ${result.anchor} (${result.chains} chains, ${result.rows} rows, ${new Date().toISOString()})`,
      );
      if (result.problems.length === 0 && (!o.expect || o.expect === result.anchor)) {
        console.log(`OK: ${result.chains} chains, ${result.rows} rows, no tampering found.`);
        return;
      }
      for (const p of result.problems) console.log(`BROKEN office ${p.officeId} seq ${p.seq}: ${p.problem}`);
      if (o.expect && o.expect !== result.anchor)
        console.log(
          `ANCHOR DIFFERS from the expected ${o.expect}: compare with --anchors output kept earlier.`,
        );
      process.exitCode = 2;
    }),
  );

// Backup and restore (ADR 0043). Both open the database only: no migration, no seeding, so a
// backup never changes what it copies and a restore starts from a database with no rows.
function keySource(env: NodeJS.ProcessEnv, dataDir: string) {
  const fromEnvironment = Boolean(env.SECRET_KEY && env.DATA_ENCRYPTION_KEY);
  return { fromEnvironment, secretsFile: fromEnvironment ? undefined : path.join(dataDir, 'secrets.json') };
}

async function openForBackup(purpose: 'backup' | 'restore') {
  loadDotEnv();
  if (purpose === 'restore' && !(process.env.SECRET_KEY && process.env.DATA_ENCRYPTION_KEY)) {
    const secrets = path.join(process.env.DATA_DIR || './data', 'secrets.json');
    if (!existsSync(secrets)) {
      throw new BackupError(
        `No keys: set SECRET_KEY and DATA_ENCRYPTION_KEY, or put the original ${secrets} back, before restoring (new keys could not read the backup).`,
      );
    }
  }
  const { config } = configFromEnv(process.env);
  try {
    return { config, database: await openDatabase(databaseTarget(config)) };
  } catch (e) {
    if (
      config.database.kind === 'pglite' &&
      e instanceof Error &&
      e.message.includes('is in use by process')
    ) {
      throw new BackupError(
        `${e.message}\nThe embedded database is backed up and restored with the service stopped (PostgreSQL can be backed up while it runs).`,
      );
    }
    throw e;
  }
}

program
  .command('backup')
  .description(
    'write the database and the uploaded files to a new backup directory, with a checksummed manifest (the keys are not included)',
  )
  .option('--out <dir>', 'backup directory to create', '')
  .action(async (o: { out: string }) => {
    const { config, database } = await openForBackup('backup');
    try {
      const now = new Date();
      const out = o.out || path.join('backups', `terbuka-${now.toISOString().replace(/[:.]/g, '-')}`);
      const m = await writeBackup({
        db: database.db,
        kind: database.kind,
        filesDir: path.join(config.dataDir, 'files'),
        out,
        dataKey: config.dataKeys.current,
        now,
      });
      const rows = m.database.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `Backup written to ${out}: ${m.database.tables.length} tables, ${rows} rows, ${m.files.length} files.`,
      );
      if (m.missingFiles > 0)
        console.log(
          `WARNING: ${m.missingFiles} recorded files were missing from ${path.join(config.dataDir, 'files')}.`,
        );
      console.log(keysReminder(keySource(process.env, config.dataDir)));
    } finally {
      await database.close();
    }
  });

program
  .command('restore <dir>')
  .description(
    'restore a backup into an empty database and an empty files directory (same release as the backup)',
  )
  .action(async (dir: string) => {
    const { config, database } = await openForBackup('restore');
    try {
      await runMigrations(database, config.database.kind === 'postgres' ? config.database.url : undefined);
      const m = await restoreBackup({
        db: database.db,
        filesDir: path.join(config.dataDir, 'files'),
        from: dir,
        dataKey: config.dataKeys.current,
      });
      const rows = m.database.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `Restored ${dir} (made ${m.createdAt}): ${m.database.tables.length} tables, ${rows} rows, ${m.files.length} files.`,
      );
      console.log(keysReminder(keySource(process.env, config.dataDir)));
    } finally {
      await database.close();
    }
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (isAppError(e)) {
    const details = e.fields.map((f) => `  ${f.field}: ${t(f.key, f.params)}`).join('\n');
    console.error(`${t(e.key, e.params)}${details ? `\n${details}` : ''}`);
  } else {
    console.error(safeError(e).message);
  }
  process.exitCode = 1;
});
