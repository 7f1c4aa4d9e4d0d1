import type { Ctx } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { seedDemoRequests } from '../requests/seed-demo-requests.ts';
import { seedDemoObjections } from '../objections/seed-demo-objections.ts';
import { seedDemoExemptions } from '../exemptions/seed-demo-exemptions.ts';
import { hashPassword, randomPassword } from '../../platform/crypto.ts';
import { cliActor } from '../access/actor.ts';
import { seedDipDemo } from '../dip/demo/seed-dip-demo.ts';
import { seedRedactionDemo } from '../redaction/demo/seed-redaction-demo.ts';
import { seedDemoAnnualReport } from '../reports/seed-demo-annual-report.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { findOfficeBySlug, type Office } from '../offices/queries.ts';
import { saveUnit } from '../offices/save-unit.ts';
import { updateOfficeSettings } from '../offices/update-office-settings.ts';
import { grantRole } from '../people/manage-users.ts';
import type { Role } from '../people/schema.ts';
import { countUsers, insertUserIfAbsent } from '../people/user-write-queries.ts';

export interface DemoCredential {
  email: string;
  password: string;
  name: string;
  roles: string[];
}

interface DemoUser {
  email: string;
  name: string;
  roles: { office: string; role: Role; unit?: string }[];
}

const DEMO_DOMAIN = 'demo.terbuka.test';

const DEMO_USERS: DemoUser[] = [
  {
    email: `admin.nasional@${DEMO_DOMAIN}`,
    name: 'Admin Nasional',
    roles: [{ office: 'kpu-ri', role: 'NATIONAL_ADMIN' }],
  },
  { email: `ppid.ri@${DEMO_DOMAIN}`, name: 'PPID KPU RI', roles: [{ office: 'kpu-ri', role: 'PPID' }] },
  {
    email: `pembina.ri@${DEMO_DOMAIN}`,
    name: 'Ketua KPU',
    roles: [{ office: 'kpu-ri', role: 'PEMBINA_PPID' }],
  },
  {
    email: `tim.ri@${DEMO_DOMAIN}`,
    name: 'Tim Pertimbangan KPU RI',
    roles: [{ office: 'kpu-ri', role: 'TIM_PERTIMBANGAN' }],
  },
  {
    email: `atasan.ri@${DEMO_DOMAIN}`,
    name: 'Sekretaris Jenderal KPU',
    roles: [{ office: 'kpu-ri', role: 'ATASAN_PPID' }],
  },
  {
    email: `admin.jabar@${DEMO_DOMAIN}`,
    name: 'Admin KPU Jawa Barat',
    roles: [{ office: 'kpu-prov-jawa-barat', role: 'ADMIN' }],
  },
  {
    email: `ppid.jabar@${DEMO_DOMAIN}`,
    name: 'PPID KPU Jawa Barat',
    roles: [{ office: 'kpu-prov-jawa-barat', role: 'PPID' }],
  },
  {
    email: `admin.bandung@${DEMO_DOMAIN}`,
    name: 'Admin KPU Kota Bandung',
    roles: [{ office: 'kpu-kota-bandung', role: 'ADMIN' }],
  },
  {
    email: `ppid.bandung@${DEMO_DOMAIN}`,
    name: 'Rina Kusumawati',
    roles: [{ office: 'kpu-kota-bandung', role: 'PPID' }],
  },
  {
    email: `atasan.bandung@${DEMO_DOMAIN}`,
    name: 'Dadang Suherman',
    roles: [{ office: 'kpu-kota-bandung', role: 'ATASAN_PPID' }],
  },
  {
    email: `petugas.bandung@${DEMO_DOMAIN}`,
    name: 'Siti Nurhaliza',
    roles: [
      { office: 'kpu-kota-bandung', role: 'PETUGAS_LAYANAN' },
      { office: 'kpu-kab-bandung', role: 'PETUGAS_LAYANAN' },
    ],
  },
  {
    email: `pembantu.bandung@${DEMO_DOMAIN}`,
    name: 'Agus Pratama',
    roles: [
      {
        office: 'kpu-kota-bandung',
        role: 'PPID_PEMBANTU',
        unit: 'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
      },
    ],
  },
  {
    email: `tim.bandung@${DEMO_DOMAIN}`,
    name: 'Tim Pertimbangan Kota Bandung',
    roles: [{ office: 'kpu-kota-bandung', role: 'TIM_PERTIMBANGAN' }],
  },
  {
    email: `pembina.bandung@${DEMO_DOMAIN}`,
    name: 'Ketua KPU Kota Bandung',
    roles: [{ office: 'kpu-kota-bandung', role: 'PEMBINA_PPID' }],
  },
];

// Units of a KPU Kabupaten/Kota secretariat (subbagian), as at KPU Kota Bandung.
const BANDUNG_UNITS = [
  {
    name: 'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
    kind: 'PPID_PEMBANTU',
    headTitle: 'Kepala Subbagian',
  },
  { name: 'Subbagian Hukum dan Sumber Daya Manusia', kind: 'PPID_PEMBANTU', headTitle: 'Kepala Subbagian' },
  { name: 'Subbagian Perencanaan, Data dan Informasi', kind: 'PPID_PEMBANTU', headTitle: 'Kepala Subbagian' },
  { name: 'Subbagian Keuangan, Umum dan Logistik', kind: 'PPID_PEMBANTU', headTitle: 'Kepala Subbagian' },
];

const DEMO_SETTINGS: Record<string, unknown> = {
  'kpu-kota-bandung': {
    letterhead: {
      address: 'Jalan Sanggar Kencana Utama No. 11, Jatisari, Buahbatu, Kota Bandung 40286',
      phone: '(022) 7561 441',
      email: 'ppid@kpu-kota-bandung.demo.terbuka.test',
      website: 'kota-bandung.kpu.go.id',
      city: 'Bandung',
    },
    publicContact: {
      email: 'ppid@kpu-kota-bandung.demo.terbuka.test',
      phone: '(022) 7561 441',
      address: 'Meja Layanan Informasi, Kantor KPU Kota Bandung',
      serviceHours: 'Senin–Jumat 08.00–16.00 WIB',
    },
  },
  'kpu-prov-jawa-barat': {
    letterhead: {
      address: 'Jalan Garut No. 11, Kacapiring, Batununggal, Kota Bandung 40271',
      city: 'Bandung',
    },
    publicContact: { serviceHours: 'Senin–Jumat 08.00–16.00 WIB' },
  },
};

/** What demo seeders get: the platform context, plus file storage and keys for documents. */
export type DemoCtx = Ctx & {
  files: FileStore;
  dataKeys: KeyRing;
  publicUrl: string;
  uploadMaxBytes: number;
};

/** A seeder of demo data for one capability. Capabilities add theirs to `demoSeeders`. */
export type DemoSeeder = (ctx: DemoCtx) => Promise<void>;

// Last year's annual report first: its approval refreshes the aggregates, and this year's demo
// changes after it stay marked for the next read (tests/integration/reports-statistics.test.ts).
export const demoSeeders: DemoSeeder[] = [
  seedDemoAnnualReport,
  seedDemoExemptions,
  seedDemoRequests,
  seedDemoObjections,
  seedDipDemo,
  seedRedactionDemo,
];

/** True when the database holds no staff account yet (a fresh install). */
export async function isFreshInstall(ctx: Ctx): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

async function office(ctx: Ctx, slug: string): Promise<Office> {
  const o = await findOfficeBySlug(ctx.db, slug);
  if (!o) throw new Error(`Demo office ${slug} is missing (offices not seeded?)`);
  return o;
}

/**
 * Demo staff for KPU RI, KPU Provinsi Jawa Barat and KPU Kota Bandung, with units and
 * settings, and random passwords returned once. Nothing is fixed in code but the names.
 */
export async function seedDemo(ctx: DemoCtx & { passwordHashCost: number }): Promise<DemoCredential[]> {
  const actor = cliActor('seed-demo');
  const bandung = await office(ctx, 'kpu-kota-bandung');
  for (const [slug, settings] of Object.entries(DEMO_SETTINGS)) {
    await updateOfficeSettings(ctx, actor, { officeId: (await office(ctx, slug)).id, settings });
  }
  const unitIds = new Map<string, string>();
  for (const u of BANDUNG_UNITS) {
    const unit = await saveUnit(ctx, actor, { officeId: bandung.id, data: { ...u, active: 'true' } });
    unitIds.set(u.name, unit.id);
  }
  const today = localDateTime(ctx.clock.now(), 'Asia/Jakarta').date;
  const passwords = DEMO_USERS.map(() => randomPassword(16));
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p, ctx.passwordHashCost)));
  const credentials: DemoCredential[] = [];
  for (const [i, demo] of DEMO_USERS.entries()) {
    const user = await insertUserIfAbsent(ctx.db, {
      email: demo.email,
      name: demo.name,
      passwordHash: hashes[i]!,
      createdAt: ctx.clock.now(),
    });
    if (!user) continue;
    for (const r of demo.roles) {
      await grantRole(ctx, actor, {
        officeId: (await office(ctx, r.office)).id,
        userId: user.id,
        role: {
          role: r.role,
          unitId: r.unit ? unitIds.get(r.unit) : undefined,
          validFrom: `${Number(today.slice(0, 4)) - 1}-01-01`,
          decreeNumber: `DEMO/${r.role}/${today.slice(0, 4)}`,
        },
      });
    }
    credentials.push({
      email: demo.email,
      password: passwords[i]!,
      name: demo.name,
      roles: demo.roles.map((r) => `${r.role}@${r.office}`),
    });
  }
  for (const seed of demoSeeders) await seed(ctx);
  return credentials;
}

export function formatCredentials(credentials: DemoCredential[]): string {
  const width = Math.max(...credentials.map((c) => c.email.length));
  return credentials
    .map((c) => `  ${c.email.padEnd(width)}  ${c.password}  ${c.roles.join(', ')}`)
    .join('\n');
}
