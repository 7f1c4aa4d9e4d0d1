import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

// Generated national data for the benchmarks, written straight into PostgreSQL after Terbuka
// has migrated and seeded the 553 offices: a published (current) DIP version per office with
// `perOffice` entries of realistic Indonesian titles, the typo-correction words, and open
// requests cloned from one real submission.

export const KECAMATAN = [
  'Andir',
  'Astanaanyar',
  'Antapani',
  'Arcamanik',
  'Babakan Ciparay',
  'Bandung Kidul',
  'Bandung Kulon',
  'Bandung Wetan',
  'Batununggal',
  'Bojongloa Kaler',
  'Buahbatu',
  'Cibeunying Kaler',
  'Cicendo',
  'Cidadap',
  'Cinambo',
  'Coblong',
  'Gedebage',
  'Kiaracondong',
  'Lengkong',
  'Mandalajati',
  'Panyileukan',
  'Rancasari',
  'Regol',
  'Sukajadi',
  'Sukasari',
  'Sumur Bandung',
  'Ujungberung',
];
export const KIND = [
  'Laporan',
  'Keputusan',
  'Daftar',
  'Rencana',
  'Pengumuman',
  'Formulir',
  'Berita acara',
  'Rekapitulasi',
  'Notulen',
  'Surat edaran',
  'Jadwal',
  'Prosedur',
  'Salinan',
  'Dokumen',
];
export const TOPIC = [
  'keuangan',
  'realisasi anggaran',
  'pengadaan barang dan jasa',
  'permohonan informasi publik',
  'pemutakhiran data pemilih',
  'tahapan pemilihan',
  'logistik pemilu',
  'kepegawaian',
  'sosialisasi dan pendidikan pemilih',
  'partisipasi masyarakat',
  'barang milik negara',
  'kinerja instansi',
  'penanganan keberatan',
  'rapat pleno terbuka',
  'pembentukan badan ad hoc',
  'kampanye dan dana kampanye',
  'pencalonan',
  'penghitungan suara',
  'perjanjian kerja sama',
  'peringatan dini bencana',
];
export const UNITS = [
  'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
  'Subbagian Hukum dan Sumber Daya Manusia',
  'Subbagian Perencanaan, Data dan Informasi',
  'Subbagian Keuangan, Umum dan Logistik',
];

const lit = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
const pick = (xs: string[]) => `(${lit(xs)})[1 + floor(random() * ${xs.length})::int]`;

/** A current DIP version with `perOffice` entries in each active office; returns the total. */
export async function fillDip(client: pg.Client, perOffice: number): Promise<number> {
  // The generated version replaces a version the demo seed published (a later revision, the
  // only current one): two current revision-1 versions of one year made the entry page's
  // version look-up pick either, so a benchmarked entry answered 404 at random.
  await client.query(`update dip_version_entries set current = false where current`);
  await client.query(`update dip_versions set current = false where current`);
  await client.query(
    `insert into dip_versions (office_id, year, revision, cycle_id, published_at, entry_count, current)
    select o.id, 2026, coalesce((select max(v.revision) from dip_versions v where v.office_id = o.id and v.year = 2026), 0) + 1,
      gen_random_uuid(), now(), $1, true from offices o where o.active`,
    [perOffice],
  );
  const { rows: versions } = await client.query<{ office_id: string; id: string }>(
    `select office_id, id from dip_versions where current`,
  );
  const batch = Math.max(1, Math.floor(50_000 / perOffice));
  for (let i = 0; i < versions.length; i += batch) {
    const ids = versions.slice(i, i + batch).map((v) => v.id);
    await client.query(
      `insert into dip_version_entries (office_id, version_id, entry_key, year, position, "current", category, document_title, summary,
        holding_unit, responsible_official, time_and_place, formats, file_types, retention, is_election, changed_at, published_at)
      select v.office_id, v.id, gen_random_uuid(), 2026, g, true,
        (array['BERKALA','SERTA_MERTA','SETIAP_SAAT'])[1 + g % 3],
        ${pick(KIND)} || ' ' || ${pick(TOPIC)} || ' Kecamatan ' || ${pick(KECAMATAN)} || ' Tahun ' || (2015 + g % 12),
        'Memuat ' || ${pick(TOPIC)} || ' dan ' || ${pick(TOPIC)} || ' di wilayah Kecamatan ' || ${pick(KECAMATAN)} || ', disusun oleh sekretariat untuk keperluan ' || ${pick(TOPIC)},
        ${pick(UNITS)}, 'Sekretaris', 'Setiap tahun, di kantor',
        array['SOFTCOPY','HARDCOPY'], array['PDF'], (1 + g % 10) || ' tahun', g % 7 = 0, now(), now()
      from dip_versions v cross join generate_series(1, $1::int) g where v.id = any($2::uuid[])`,
      [perOffice, ids],
    );
  }
  // The words of the published entries feed the typo corrections (as publication does).
  const words = new Set<string>();
  for (const x of [
    ...KECAMATAN,
    ...KIND,
    ...TOPIC,
    ...UNITS,
    'Memuat dan di wilayah Kecamatan disusun oleh sekretariat untuk keperluan Tahun',
  ]) {
    for (const w of x.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3) words.add(w);
  }
  await client.query(`insert into dip_search_words (word) select unnest($1::text[]) on conflict do nothing`, [
    [...words],
  ]);
  await client.query('analyze');
  return versions.length * perOffice;
}

/**
 * `n` open requests in one office, cloned from a real one (template), with their own numbers,
 * sequence, tracking hash and received dates; `nationalPerOffice` more in every other office.
 */
export async function fillRequests(
  client: pg.Client,
  templateId: string,
  n: number,
  nationalPerOffice = 0,
): Promise<void> {
  const { rows: cols } = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_name = 'requests' and table_schema = current_schema() and is_generated = 'NEVER' order by ordinal_position`,
  );
  const special: Record<string, string> = {
    id: 'gen_random_uuid()',
    office_id: 'o.id',
    seq: '100000 + g',
    number: `r.number || '-' || g`,
    tracking_code_hash: `md5(g::text || o.id::text)`,
    status: `(array['RECEIVED','REGISTERED','REGISTERED','IN_PROCESS'])[1 + g % 4]`,
    received_at: `r.received_at - (g % 40) * interval '1 day'`,
    due_date: `r.due_date - (g % 40)`,
    requester_name: `'Pemohon ' || g`,
  };
  const present = new Set(cols.map((c) => c.column_name));
  if (!present.has('status')) throw new Error('requests.status not found');
  const names = cols.map((c) => `"${c.column_name}"`).join(', ');
  const insert = (officeFilter: string, count: number) =>
    client.query(
      `insert into requests (${names}) select ${cols.map((c) => special[c.column_name] ?? `r."${c.column_name}"`).join(', ')}
      from requests r cross join offices o cross join generate_series(1, $2::int) g where r.id = $1 and ${officeFilter}`,
      [templateId, count],
    );
  await insert(`o.id = r.office_id`, n);
  if (nationalPerOffice > 0) await insert(`o.id <> r.office_id and o.active`, nationalPerOffice);
  await client.query('analyze requests');
}

/** A staff session for a user, as signing in would create it; returns the cookie value. */
export async function sessionFor(client: pg.Client, email: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const id = createHash('sha256').update(token).digest('hex');
  const { rowCount } = await client.query(
    `insert into sessions (id, user_id, created_at, last_seen_at, expires_at) select $1, id, now(), now(), now() + interval '6 hours' from users where email = $2`,
    [id, email],
  );
  if (rowCount !== 1) throw new Error(`no user ${email}`);
  return token;
}

/** The raw database anchor: `clients` connections each running INSERT + COMMIT in a loop. */
export async function rawCommitRate(url: string, clients: number, seconds: number): Promise<number> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    'create table if not exists bench_anchor (id bigserial primary key, office_id uuid not null, body text not null, at timestamptz not null default now())',
  );
  await setup.end();
  const conns = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  let n = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    conns.map(async (c) => {
      while (performance.now() < until) {
        await c.query('begin');
        await c.query('insert into bench_anchor (office_id, body) values (gen_random_uuid(), $1)', [
          'Permohonan informasi publik',
        ]);
        await c.query('commit');
        n++;
      }
    }),
  );
  const rate = n / ((performance.now() - t0) / 1000);
  await Promise.all(conns.map((c) => c.end()));
  return rate;
}
