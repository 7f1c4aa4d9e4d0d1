import type { Clock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db/database.ts';
import type { Actor } from '../../src/modules/access/actor.ts';
import type { EntryContent } from '../../src/modules/dip/model.ts';
import { actorForUser } from '../../src/modules/people/load-actor.ts';
import type { Role } from '../../src/modules/people/schema.ts';
import { createStaff, createUnit } from './factories.ts';

/** A staff member with roles, as the Actor the use cases receive. */
export async function staffActor(db: Db, clock: Clock, roles: { office: string; role: Role; unitId?: string }[], name?: string): Promise<Actor & { email: string }> {
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
    unitAStaff: await staffActor(db, clock, [{ office, role: 'PPID_PEMBANTU', unitId: unitA.id }], 'Agus Pratama'),
    unitBStaff: await staffActor(db, clock, [{ office, role: 'PPID_PEMBANTU', unitId: unitB.id }], 'Budi Santoso'),
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
