// Finding an office the way people type it: "kab garut", "kota bandung", "bandng" (a typo),
// "KIP Aceh", "kpu jabar". Every word of the query must match a word of the office's name or
// region — exactly, as a prefix, or (for words of 4+ letters) within one typo (Damerau-
// Levenshtein 1; 2 for 8+ letters). 553 offices: searched in memory, ranked by how well.

export interface SearchableOffice {
  name: string;
  regionName: string;
  slug: string;
  code: string;
}

/** What people write for the words in office names. */
const SYNONYMS: Record<string, string> = {
  kab: 'kabupaten',
  'kab.': 'kabupaten',
  kabupaten: 'kabupaten',
  kota: 'kota',
  kot: 'kota',
  prov: 'provinsi',
  'prov.': 'provinsi',
  provinsi: 'provinsi',
  kpud: 'kpu',
  jabar: 'jawa barat',
  jateng: 'jawa tengah',
  jatim: 'jawa timur',
  diy: 'daerah istimewa yogyakarta',
  jogja: 'yogyakarta',
  dki: 'dki jakarta',
  sumut: 'sumatera utara',
  sumbar: 'sumatera barat',
  sumsel: 'sumatera selatan',
  kalbar: 'kalimantan barat',
  kalteng: 'kalimantan tengah',
  kalsel: 'kalimantan selatan',
  kaltim: 'kalimantan timur',
  kaltara: 'kalimantan utara',
  sulut: 'sulawesi utara',
  sulteng: 'sulawesi tengah',
  sulsel: 'sulawesi selatan',
  sultra: 'sulawesi tenggara',
  sulbar: 'sulawesi barat',
  ntb: 'nusa tenggara barat',
  ntt: 'nusa tenggara timur',
  babel: 'kepulauan bangka belitung',
  kepri: 'kepulauan riau',
};

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/\.+$/, ''))
    .filter((w) => w.length > 0);
}

export function queryWords(q: string): string[] {
  return words(q.replace(/([a-z])\./gi, '$1. ')).flatMap((w) =>
    (SYNONYMS[w] ?? SYNONYMS[`${w}.`] ?? w).split(' '),
  );
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** 0 exact, 1 prefix, 2 one typo, 3 two typos; undefined: no match. */
function wordScore(q: string, target: string): number | undefined {
  if (q === target) return 0;
  if (target.startsWith(q) && (q.length >= 3 || /\d/.test(q))) return 1;
  if (q.length < 4) return undefined;
  const allowed = q.length >= 8 ? 2 : 1;
  const dist = editDistance(q, target, allowed);
  return dist <= allowed ? 1 + dist : undefined;
}

const targetCache = new WeakMap<SearchableOffice, string[]>();

function targetWords(office: SearchableOffice): string[] {
  let target = targetCache.get(office);
  if (!target) {
    target = [
      ...new Set([
        ...words(office.name),
        ...words(office.regionName),
        office.code.toLowerCase(),
        ...office.slug.split('-'),
      ]),
    ];
    targetCache.set(office, target);
  }
  return target;
}

/**
 * The offices matching every word of the query, best first: exact words before prefixes before
 * typos, then the office with the fewest other words (so "kota bandung" puts KPU Kota Bandung
 * first), then by code.
 */
export function searchOffices<T extends SearchableOffice>(offices: readonly T[], q: string): T[] {
  const qs = queryWords(q);
  if (qs.length === 0) return [];
  const scored: { office: T; score: number; extra: number }[] = [];
  // Office names share few words (~700 in all): score each (query word, word) pair once.
  const memo = new Map<string, number | undefined>();
  const scoreOf = (w: string, t: string) => {
    const key = `${w} ${t}`;
    if (!memo.has(key)) memo.set(key, wordScore(w, t));
    return memo.get(key);
  };
  for (const office of offices) {
    const target = targetWords(office);
    let score = 0;
    let ok = true;
    for (const w of qs) {
      let best: number | undefined;
      for (const t of target) {
        const s = scoreOf(w, t);
        if (s !== undefined && (best === undefined || s < best)) best = s;
        if (best === 0) break;
      }
      if (best === undefined) {
        ok = false;
        break;
      }
      score += best;
    }
    if (ok) scored.push({ office, score, extra: words(office.name).length - qs.length });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.extra - b.extra || a.office.code.localeCompare(b.office.code))
    .map((s) => s.office);
}
