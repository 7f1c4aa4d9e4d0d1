import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Clock, ManualClock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db/database.ts';
import type { Actor } from '../../src/modules/access/actor.ts';
import type { EntryContent } from '../../src/modules/dip/model.ts';
import { actorForUser } from '../../src/modules/people/load-actor.ts';
import type { Role } from '../../src/modules/people/schema.ts';
import { createStaff, createUnit } from './factories.ts';
import { completeDipStep } from '../../src/modules/dip/complete-step.ts';
import type { Cycle, Version } from '../../src/modules/dip/queries.ts';
import { saveDipProcedure } from '../../src/modules/dip/save-dip-procedure.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import type { TestClient } from './test-app.ts';

/** A staff member with roles, as the Actor the use cases receive. */
export async function staffActor(
  db: Db,
  clock: Clock,
  roles: { office: string; role: Role; unitId?: string }[],
  name?: string,
): Promise<Actor & { email: string }> {
  const { user, email } = await createStaff(db, clock, { roles, ...(name ? { name } : {}) });
  return { ...(await actorForUser(db, user, clock.now(), null)), email };
}

/** The people of one office that a DIP cycle needs (seed 000 roles), and two units. */
export async function dipTeam(db: Db, clock: Clock, office: string) {
  const unitA = await createUnit(db, office, 'Subbagian Teknis Penyelenggaraan Pemilu dan Hupmas');
  const unitB = await createUnit(db, office, 'Subbagian Keuangan, Umum dan Logistik');
  return {
    unitA,
    unitB,
    admin: await staffActor(db, clock, [{ office, role: 'ADMIN' }], 'Admin Kantor'),
    ppid: await staffActor(db, clock, [{ office, role: 'PPID' }], 'Rina Kusumawati'),
    petugas: await staffActor(db, clock, [{ office, role: 'PETUGAS_LAYANAN' }], 'Siti Nurhaliza'),
    atasan: await staffActor(db, clock, [{ office, role: 'ATASAN_PPID' }], 'Dadang Suherman'),
    tim: await staffActor(db, clock, [{ office, role: 'TIM_PERTIMBANGAN' }], 'Tim Pertimbangan'),
    pembina: await staffActor(db, clock, [{ office, role: 'PEMBINA_PPID' }], 'Ketua KPU'),
    unitAStaff: await staffActor(
      db,
      clock,
      [{ office, role: 'PPID_PEMBANTU', unitId: unitA.id }],
      'Agus Pratama',
    ),
    unitBStaff: await staffActor(
      db,
      clock,
      [{ office, role: 'PPID_PEMBANTU', unitId: unitB.id }],
      'Budi Santoso',
    ),
  };
}

export function entry(over: Partial<EntryContent> = {}): Record<string, unknown> {
  return {
    category: 'BERKALA',
    documentTitle: 'Laporan Keuangan Tahun 2025',
    summary: 'Laporan realisasi anggaran, neraca, laporan arus kas dan catatan atas laporan keuangan',
    holdingUnit: 'Subbagian Keuangan, Umum dan Logistik',
    responsibleOfficial: 'Sekretaris KPU Kota Bandung',
    timeAndPlace: 'Maret 2026, Kantor KPU Kota Bandung',
    formats: ['SOFTCOPY', 'HARDCOPY'],
    fileTypes: ['PDF'],
    retention: '10 tahun',
    isElection: false,
    archiveItemIds: [],
    ...over,
  };
}

type Team = Awaited<ReturnType<typeof dipTeam>>;

/** Gives the office the five-step procedure of seed 001 (KPU Kabupaten Bintan). */
export async function useSeed001(
  ctx: { db: Db; clock: ManualClock },
  team: Team,
  officeId: string,
): Promise<void> {
  await saveDipProcedure(ctx, team.admin, { officeId, template: 'SEED_001' });
}

/**
 * Runs a seed 001 cycle for `year`: `prepare` edits the draft while units may still propose,
 * then collection is closed, consolidated, set by decree, ordered uploaded and published.
 */
export async function publishYear(
  ctx: { db: Db; clock: ManualClock },
  team: Team,
  officeId: string,
  year: number,
  prepare: (cycle: Cycle) => Promise<void>,
): Promise<{ cycle: Cycle; version: Version }> {
  const cycle = await startDipCycle(ctx, team.ppid, { officeId, data: { year } });
  await prepare(cycle);
  const step = (actor: Actor, position: number, data: Record<string, string> = {}) =>
    completeDipStep(ctx, actor, { officeId, cycleId: cycle.id, position, data });
  ctx.clock.advance(3_600_000);
  await step(team.ppid, 1);
  ctx.clock.advance(3_600_000);
  await step(team.petugas, 2);
  await step(team.ppid, 3, {
    decreeNumber: `${year}/PPID/3273`,
    decreeDate: `${year}-02-01`,
    decreeSignerName: 'Rina Kusumawati',
    decreeSignerTitle: 'PPID KPU Kota Bandung',
  });
  await step(team.ppid, 4, { documentTo: 'Unit Pelayanan Informasi', note: 'Unggah DIP ke laman PPID.' });
  const { version } = await step(team.petugas, 5);
  ctx.clock.advance(3_600_000);
  return { cycle, version: version! };
}

/** Posts a multipart form (with files) as the signed-in client, with a CSRF token from `csrfFrom`. */
export async function postMultipart(
  app: FastifyInstance,
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  files: { name: string; filename: string; bytes: Buffer; type?: string }[],
  csrfFrom: string,
): Promise<LightMyRequestResponse> {
  const form = new FormData();
  form.set('_csrf', await client.csrfToken(csrfFrom));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append(
      f.name,
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
      f.filename,
    );
  const body = new Response(form);
  const payload = Buffer.from(await body.arrayBuffer());
  const cookie = [...client.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': body.headers.get('content-type')!, cookie },
  });
  for (const c of res.cookies) client.cookies.set(c.name, c.value);
  return res;
}
