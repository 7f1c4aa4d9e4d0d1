import path from 'node:path/posix';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectMediaType } from '../../platform/storage/file-store.ts';
import { loadExcelJs } from '../../platform/xlsx.ts';
import {
  documentWithHiddenText,
  odsWithHiddenSheet,
  OFFICE_SECRETS,
  presentationWithHiddenSlides,
} from './office-samples.ts';
import {
  DOCX_TYPE,
  inspectOffice,
  isOfficeClean,
  ODS_TYPE,
  PPTX_TYPE,
  scrubOffice,
  type OfficeFormat,
  type OfficeReport,
} from './office-scrub.ts';
import { all, parseXml, readParts } from './office-zip.ts';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Every relationship resolves, every content-type override names a part, every r:id attribute has its relationship. */
function ooxmlConsistent(parts: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const o of all(
    parseXml(parts.get('[Content_Types].xml')!),
    'http://schemas.openxmlformats.org/package/2006/content-types',
    'Override',
  )) {
    const p = o.getAttribute('PartName')!.slice(1);
    if (!parts.has(p)) problems.push(`override for missing ${p}`);
  }
  for (const [name, bytes] of parts) {
    if (!name.endsWith('.rels')) continue;
    const owner =
      name === '_rels/.rels' ? '' : path.join(path.dirname(path.dirname(name)), path.basename(name, '.rels'));
    if (owner !== '' && !parts.has(owner)) problems.push(`rels for missing ${owner}`);
    const ids = new Set<string>();
    for (const rel of all(parseXml(bytes), PKG, 'Relationship')) {
      ids.add(rel.getAttribute('Id')!);
      if (rel.getAttribute('TargetMode') === 'External') continue;
      const to = path.normalize(path.join(path.dirname(owner), rel.getAttribute('Target')!));
      if (!parts.has(to)) problems.push(`${name} → missing ${to}`);
    }
    if (parts.has(owner) && owner.endsWith('.xml')) {
      for (const el of Array.from(parseXml(parts.get(owner)!).getElementsByTagName('*')))
        for (const a of Array.from(el.attributes))
          if (a.namespaceURI === R && !ids.has(a.value))
            problems.push(`${owner}: ${a.name}=${a.value} dangling`);
    }
  }
  return problems;
}

const text = (parts: Map<string, Buffer>) =>
  [...parts.entries()].map(([n, b]) => `${n}\n${b.toString('utf8')}`).join('\n');

const cases: {
  format: OfficeFormat;
  type: string;
  make: () => Promise<Buffer>;
  kept: string[];
  found: Partial<OfficeReport>;
}[] = [
  {
    format: 'DOCX',
    type: DOCX_TYPE,
    make: documentWithHiddenText,
    kept: [
      'Rekap santunan petugas KPPS',
      'Jumlah penerima: 12 orang.',
      'Penanggung jawab: ',
      'Kota Bandung.',
      'Disetujui.',
      'Tebal.',
      'https://kpu.go.id/',
    ],
    found: {
      comments: 1,
      trackedChanges: 3,
      hiddenText: 1,
      documentVariables: 1,
      embeddedObjects: 1,
      externalLinks: 1,
      thumbnail: true,
      customProperties: true,
    },
  },
  {
    format: 'PPTX',
    type: PPTX_TYPE,
    make: presentationWithHiddenSlides,
    kept: ['Rekap santunan petugas KPPS'],
    found: {
      comments: 1,
      hiddenSlides: ['2'],
      speakerNotes: 1,
      hiddenText: 1,
      thumbnail: true,
      customProperties: true,
    },
  },
  {
    format: 'ODS',
    type: ODS_TYPE,
    make: odsWithHiddenSheet,
    kept: ['Kecamatan', 'Coblong', '120', 'Sukajadi', 'aman', 'Total', 'office:value="3"'],
    found: {
      comments: 1,
      trackedChanges: 1,
      hiddenSheets: ['Data'],
      hiddenRows: ['Rekap!3'],
      hiddenColumns: ['Rekap!B'],
      definedNames: ['DaftarNIK'],
      formulas: 1,
      thumbnail: true,
      customProperties: true,
    },
  },
];

describe('office files are scrubbed of hidden data before release', () => {
  // file-type, xmldom and ExcelJS (the DOCX sample embeds a workbook) load on first use
  // (ADR 0111): load them outside the timed tests.
  beforeAll(async () => {
    parseXml(Buffer.from('<a/>'));
    await detectMediaType(Buffer.from('a'), 'a.txt');
    await loadExcelJs();
  });

  it.each(cases)(
    '$format: the report names what is hidden; the copy has none of it, keeps what shows, and is still a $format',
    async ({ format, type, make, kept, found }) => {
      const original = await make();
      expect(await detectMediaType(original, `x.${format.toLowerCase()}`)).toBe(type);
      const before = await inspectOffice(original, format);
      expect(before).toMatchObject(found);
      expect(before.properties.length).toBeGreaterThan(0);
      expect(isOfficeClean(before)).toBe(false);
      const originalText = text(await readParts(original));
      for (const s of OFFICE_SECRETS.slice(0, 3)) expect(originalText).toContain(s);

      const { bytes, before: reported } = await scrubOffice(original, format);
      expect(reported).toEqual(before);
      const parts = await readParts(bytes);
      const all = text(parts);
      for (const s of OFFICE_SECRETS) expect(all).not.toContain(s);
      for (const s of kept) expect(all).toContain(s);
      expect(await detectMediaType(bytes, 'x')).toBe(type);
      expect(isOfficeClean(await inspectOffice(bytes, format))).toBe(true);
      for (const xml of [...parts.keys()].filter((n) => n.endsWith('.xml') || n.endsWith('.rels')))
        expect(() => parseXml(parts.get(xml)!)).not.toThrow();
      if (format !== 'ODS') expect(ooxmlConsistent(parts)).toEqual([]);
      else {
        expect([...parts.keys()][0]).toBe('mimetype');
        const manifest = parts.get('META-INF/manifest.xml')!.toString();
        expect(manifest).not.toContain('settings.xml');
        expect(manifest).not.toContain('Thumbnails');
        // The repeated cell over the hidden column is split: shown twice, blank under B.
        expect(all.match(/<text:p>sama<\/text:p>/g)).toHaveLength(2);
      }
    },
  );

  it('PPTX: the hidden slide leaves the slide list and the package', async () => {
    const { bytes } = await scrubOffice(await presentationWithHiddenSlides(), 'PPTX');
    const parts = await readParts(bytes);
    expect(parts.has('ppt/slides/slide2.xml')).toBe(false);
    expect(parts.has('ppt/notesSlides/notesSlide1.xml')).toBe(false);
    expect(
      all(
        parseXml(parts.get('ppt/presentation.xml')!),
        'http://schemas.openxmlformats.org/presentationml/2006/main',
        'sldId',
      ),
    ).toHaveLength(1);
  });

  it.each([
    ['not a zip', Buffer.from('hello')],
    ['a zip that is not a document', Buffer.from('PK\u0003\u0004nonsense')],
  ])('refuses %s with a translated error', async (_, bytes) => {
    await expect(scrubOffice(bytes, 'DOCX')).rejects.toMatchObject({ key: 'redaction.error.unreadable' });
  });
});
