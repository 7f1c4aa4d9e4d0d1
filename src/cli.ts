import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { configFromEnv, loadDotEnv, openServices, type Services } from './bootstrap.ts';
import { verifyAuditChains } from './platform/audit/audit.ts';
import { AppError, isAppError } from './platform/errors.ts';
import { createTranslate } from './platform/i18n.ts';
import { cliActor } from './modules/access/actor.ts';
import { importHolidays } from './modules/calendar/manage-holidays.ts';
import { formatCredentials, isFreshInstall, seedDemo } from './modules/demo/seed-demo.ts';
import { createApiToken, officeIdBySlug, revokeApiToken } from './modules/people/api-tokens.ts';
import { createUserWithRole, grantRole, resetPassword, revokeRole, setUserDisabled, todayInJakarta } from './modules/people/manage-users.ts';
import { findUserByEmail, listOfficeAssignments } from './modules/people/queries.ts';
import { ROLES } from './modules/people/schema.ts';
import { catalog } from './web/i18n/catalog.ts';
import { safeError } from './platform/safe-error.ts';

// `terbuka` — the administrator's command-line tool. It runs on the server with the
// operator's rights and writes the same audit trail as the web interface.

const t = createTranslate(catalog, 'en');

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  loadDotEnv();
  const { config } = configFromEnv(process.env);
  const services = await openServices(config);
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
  .action(() => withServices(async () => console.log('Database is up to date.')));

program
  .command('seed-demo')
  .description('create the demo staff accounts (only on a database without accounts)')
  .action(() =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      if (!(await isFreshInstall(ctx))) throw new Error('This database already has staff accounts; demo data is only for a fresh install.');
      console.log(formatCredentials(await seedDemo({ ...ctx, files: s.files, uploadMaxBytes: s.config.uploadMaxBytes })));
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
        role: { role: o.role, unitId: o.unit, validFrom: o.from ?? todayInJakarta(s.clock.now()), validTo: o.to, decreeNumber: o.decree },
      });
      console.log(result.password ? `Created ${result.user.email}; one-time password: ${result.password}` : `Added role to ${result.user.email}.`);
    }),
  );
user
  .command('disable <email>')
  .description('disable an account and end its sessions')
  .action((email: string) =>
    withServices(async (s) => {
      await setUserDisabled(ctxOf(s), cliActor(), { officeId: null, userId: await userIdByEmail(s, email), disabled: true });
      console.log(`Disabled ${email}.`);
    }),
  );
user
  .command('enable <email>')
  .description('enable a disabled account')
  .action((email: string) =>
    withServices(async (s) => {
      await setUserDisabled(ctxOf(s), cliActor(), { officeId: null, userId: await userIdByEmail(s, email), disabled: false });
      console.log(`Enabled ${email}.`);
    }),
  );
user
  .command('reset-password <email>')
  .description('set a new one-time password (the user must change it at next sign-in)')
  .action((email: string) =>
    withServices(async (s) => {
      const password = await resetPassword(ctxOf(s), cliActor(), { officeId: null, userId: await userIdByEmail(s, email) });
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
        role: { role: roleName, unitId: o.unit, validFrom: o.from ?? todayInJakarta(s.clock.now()), validTo: o.to, decreeNumber: o.decree },
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
  .addOption(new Option('--role <role>').choices(ROLES.filter((r) => r !== 'NATIONAL_ADMIN')).makeOptionMandatory())
  .requiredOption('--name <name>')
  .option('--expires <date>', 'last valid day (YYYY-MM-DD)')
  .action((o: Record<string, string>) =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      const r = await createApiToken(ctx, cliActor(), {
        officeId: await officeIdBySlug(ctx, o.office!),
        data: { name: o.name, role: o.role, expiresAt: o.expires },
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
  .addOption(new Option('--kind <kind>', 'kind for iCalendar events without a category').choices(['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_KHUSUS']).default('LIBUR_NASIONAL'))
  .option('--no-mark-years', 'do not mark the years in the file as loaded')
  .action((file: string, o: { kind: string; markYears: boolean }) =>
    withServices(async (s) => {
      const text = readFileSync(file, 'utf8');
      const format = /\.ics$/i.test(file) || text.startsWith('BEGIN:VCALENDAR') ? 'ical' : 'csv';
      const r = await importHolidays(ctxOf(s), cliActor(), { format, defaultKind: o.kind, markYearsCovered: String(o.markYears) }, text);
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
  .option('--expect <anchor>', 'the anchor printed earlier; a different one is reported (exit 2) unless rows were only added')
  .action((o: { office?: string; anchors?: boolean; expect?: string }) =>
    withServices(async (s) => {
      const ctx = ctxOf(s);
      const result = await verifyAuditChains(ctx.db, o.office ? await officeIdBySlug(ctx, o.office) : undefined);
      if (o.anchors) for (const a of result.anchors) console.log(`CHAIN office ${a.officeId} seq ${a.seq} hash ${a.hash}`);
      // Keep this line somewhere the database's users cannot write (ADR 0041).
      console.log(`ANCHOR ${result.anchor} (${result.chains} chains, ${result.rows} rows, ${new Date().toISOString()})`);
      if (result.problems.length === 0 && (!o.expect || o.expect === result.anchor)) {
        console.log(`OK: ${result.chains} chains, ${result.rows} rows, no tampering found.`);
        return;
      }
      for (const p of result.problems) console.log(`BROKEN office ${p.officeId} seq ${p.seq}: ${p.problem}`);
      if (o.expect && o.expect !== result.anchor) console.log(`ANCHOR DIFFERS from the expected ${o.expect}: compare with --anchors output kept earlier.`);
      process.exitCode = 2;
    }),
  );

program.parseAsync(process.argv).catch((e: unknown) => {
  if (isAppError(e)) {
    const details = e.fields.map((f) => `  ${f.field}: ${t(f.key, f.params)}`).join('\n');
    console.error(`${t(e.key, e.params)}${details ? `\n${details}` : ''}`);
  } else {
    console.error(safeError(e).message);
  }
  process.exitCode = 1;
});
