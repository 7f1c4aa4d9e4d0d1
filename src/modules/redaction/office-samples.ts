import { writeParts } from './office-zip.ts';
import { SAMPLE_PEOPLE, workbookWithHiddenNiks } from './samples.ts';

// Office files carrying every kind of hidden data this product scrubs, for the tests and the
// demo: each holds the secrets below only where no page shows them, next to visible text that
// must survive. Written as raw XML parts so that each hidden place is explicit.

export const OFFICE_SECRETS = [
  'Jl. Rahasia 7',
  'rahasia-sekali',
  'Operator Rahasia',
  'Kantor Rahasia',
  'operator.rahasia',
  ...SAMPLE_PEOPLE.map((p) => p.nik),
];

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const b = (s: string) => Buffer.from(s, 'utf8');

const CORE = `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Rekap internal</dc:title><dc:creator>Operator Rahasia</dc:creator><cp:lastModifiedBy>Operator Rahasia</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created></cp:coreProperties>`;
const APP = `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Kantor Rahasia</Company><Manager>Operator Rahasia</Manager></Properties>`;
const CUSTOM = `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="NIKPenanggung"><vt:lpwstr>${SAMPLE_PEOPLE[0]!.nik}</vt:lpwstr></property></Properties>`;
const PACKAGE_RELS = (main: string) =>
  `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${main}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="${REL}/custom-properties" Target="docProps/custom.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>`;
const PROPS_TYPES = `<Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`;

/** DOCX: tracked deletion, hidden text, a comment, document variables, a template path, properties, an embedded workbook. */
export async function documentWithHiddenText(): Promise<Buffer> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const p = (inner: string) => `<w:p>${inner}</w:p>`;
  const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
  const document = `${XML}<w:document xmlns:w="${W}" xmlns:r="${REL}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><w:body>${[
    p(r('Rekap santunan petugas KPPS Kecamatan Coblong.')),
    p(
      `<w:ins w:id="1" w:author="Operator Rahasia" w:date="2026-01-05T08:00:00Z">${r('Jumlah penerima: 12 orang.')}</w:ins>`,
    ),
    p(
      `${r('Penanggung jawab: ')}<w:del w:id="2" w:author="Operator Rahasia" w:date="2026-01-05T08:00:00Z"><w:r><w:delText>NIK ${SAMPLE_PEOPLE[1]!.nik}</w:delText></w:r></w:del>${r('Sekretariat.')}`,
    ),
    p(
      `${r('Lokasi gudang: ')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>Jl. Rahasia 7</w:t></w:r>${r('Kota Bandung.')}`,
    ),
    p(
      `<w:commentRangeStart w:id="0"/>${r('Disetujui.')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`,
    ),
    p(
      `<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="Operator Rahasia" w:date="2026-01-05T08:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>Tebal.</w:t></w:r><w:hyperlink r:id="rIdLink">${r('kpu.go.id')}</w:hyperlink>`,
    ),
    p(
      `<w:r><w:object><v:shape id="_x0000_i1025" style="width:60pt;height:40pt"/><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Icon" r:id="rIdOle"/></w:object></w:r>`,
    ),
  ].join('')}<w:sectPr/></w:body></w:document>`;
  const comments = `${XML}<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Operator Rahasia" w:initials="OR"><w:p><w:r><w:t>alamat Jl. Rahasia 7 jangan dirilis</w:t></w:r></w:p></w:comment></w:comments>`;
  const settings = `${XML}<w:settings xmlns:w="${W}" xmlns:r="${REL}"><w:attachedTemplate r:id="rId1"/><w:docVars><w:docVar w:name="sandi" w:val="rahasia-sekali"/></w:docVars><w:rsids><w:rsidRoot w:val="00A1B2C3"/></w:rsids></w:settings>`;
  const parts = new Map<string, Buffer>([
    [
      '[Content_Types].xml',
      b(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>${PROPS_TYPES}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>`,
      ),
    ],
    ['_rels/.rels', b(PACKAGE_RELS('word/document.xml'))],
    ['docProps/core.xml', b(CORE)],
    ['docProps/app.xml', b(APP)],
    ['docProps/custom.xml', b(CUSTOM)],
    ['docProps/thumbnail.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    ['word/document.xml', b(document)],
    [
      'word/_rels/document.xml.rels',
      b(
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/comments" Target="comments.xml"/><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/><Relationship Id="rIdLink" Type="${REL}/hyperlink" Target="https://kpu.go.id/" TargetMode="External"/><Relationship Id="rIdOle" Type="${REL}/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>`,
      ),
    ],
    ['word/comments.xml', b(comments)],
    ['word/settings.xml', b(settings)],
    [
      'word/_rels/settings.xml.rels',
      b(
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="file:///C:/Users/operator.rahasia/Templat.dotm" TargetMode="External"/></Relationships>`,
      ),
    ],
    ['word/embeddings/Microsoft_Excel_Worksheet.xlsx', await workbookWithHiddenNiks()],
  ]);
  return writeParts(parts);
}

/** PPTX: a hidden slide, speaker notes, comments and their authors, a hidden shape, properties. */
export async function presentationWithHiddenSlides(): Promise<Buffer> {
  const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const shape = (id: number, text: string, hidden = false) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Teks ${id}"${hidden ? ' hidden="1"' : ''}/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`;
  const slide = (shapes: string, show = true) =>
    `${XML}<p:sld xmlns:p="${P}" xmlns:a="${A}" xmlns:r="${REL}"${show ? '' : ' show="0"'}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes}</p:spTree></p:cSld></p:sld>`;
  const ct = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.presentationml.${type}+xml"/>`;
  const parts = new Map<string, Buffer>([
    [
      '[Content_Types].xml',
      b(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${PROPS_TYPES}${ct('ppt/presentation.xml', 'presentation.main')}${ct('ppt/slides/slide1.xml', 'slide')}${ct('ppt/slides/slide2.xml', 'slide')}${ct('ppt/notesSlides/notesSlide1.xml', 'notesSlide')}${ct('ppt/comments/comment1.xml', 'comments')}${ct('ppt/commentAuthors.xml', 'commentAuthors')}</Types>`,
      ),
    ],
    ['_rels/.rels', b(PACKAGE_RELS('ppt/presentation.xml'))],
    ['docProps/core.xml', b(CORE)],
    ['docProps/app.xml', b(APP)],
    ['docProps/custom.xml', b(CUSTOM)],
    ['docProps/thumbnail.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    [
      'ppt/presentation.xml',
      b(
        `${XML}<p:presentation xmlns:p="${P}" xmlns:r="${REL}"><p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/></p:presentation>`,
      ),
    ],
    [
      'ppt/_rels/presentation.xml.rels',
      b(
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId2" Type="${REL}/slide" Target="slides/slide1.xml"/><Relationship Id="rId3" Type="${REL}/slide" Target="slides/slide2.xml"/><Relationship Id="rId4" Type="${REL}/commentAuthors" Target="commentAuthors.xml"/></Relationships>`,
      ),
    ],
    [
      'ppt/slides/slide1.xml',
      b(slide(`${shape(2, 'Rekap santunan petugas KPPS')}${shape(3, 'sandi gudang rahasia-sekali', true)}`)),
    ],
    [
      'ppt/slides/_rels/slide1.xml.rels',
      b(
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/notesSlide" Target="../notesSlides/notesSlide1.xml"/><Relationship Id="rId2" Type="${REL}/comments" Target="../comments/comment1.xml"/></Relationships>`,
      ),
    ],
    [
      'ppt/slides/slide2.xml',
      b(slide(shape(2, `Daftar NIK: ${SAMPLE_PEOPLE.map((x) => x.nik).join(', ')}`), false)),
    ],
    [
      'ppt/notesSlides/notesSlide1.xml',
      b(
        `${XML}<p:notes xmlns:p="${P}" xmlns:a="${A}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shape(2, 'Catatan pembicara: gudang di Jl. Rahasia 7')}</p:spTree></p:cSld></p:notes>`,
      ),
    ],
    [
      'ppt/comments/comment1.xml',
      b(
        `${XML}<p:cmLst xmlns:p="${P}"><p:cm authorId="0" dt="2026-01-05T08:00:00" idx="1"><p:pos x="10" y="10"/><p:text>NIK ${SAMPLE_PEOPLE[2]!.nik} dihapus sebelum rilis</p:text></p:cm></p:cmLst>`,
      ),
    ],
    [
      'ppt/commentAuthors.xml',
      b(
        `${XML}<p:cmAuthorLst xmlns:p="${P}"><p:cmAuthor id="0" name="Operator Rahasia" initials="OR" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>`,
      ),
    ],
  ]);
  return writeParts(parts);
}

/** ODS: a hidden sheet, a hidden row and column, a comment, a named range, tracked changes, a formula, properties, settings, a thumbnail. */
export async function odsWithHiddenSheet(): Promise<Buffer> {
  const NS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"`;
  const s = (v: string) =>
    `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
  const n = (v: number) =>
    `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  const [a, bb, c] = SAMPLE_PEOPLE;
  const content = `${XML}<office:document-content ${NS} office:version="1.3"><office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>
<table:tracked-changes><table:cell-content-change table:id="ct1"><table:cell-address table:column="1" table:row="1" table:table="0"/><office:change-info><dc:creator>Operator Rahasia</dc:creator><dc:date>2026-01-05T08:00:00</dc:date></office:change-info><table:previous><table:change-track-table-cell office:value-type="string"><text:p>${c!.nik}</text:p></table:change-track-table-cell></table:previous></table:cell-content-change></table:tracked-changes>
<table:table table:name="Rekap" table:style-name="ta1"><table:table-column/><table:table-column table:visibility="collapse"/><table:table-column table:number-columns-repeated="2"/>
<table:table-row>${s('Kecamatan')}${s('NIK')}${s('Jumlah')}${s('Ket')}</table:table-row>
<table:table-row>${s('Coblong')}${s(a!.nik)}${n(120)}${s('aman')}</table:table-row>
<table:table-row table:visibility="collapse">${s('Baris tersembunyi')}${s(bb!.nik)}${n(1)}${s('x')}</table:table-row>
<table:table-row><table:table-cell office:value-type="string"><office:annotation><dc:creator>Operator Rahasia</dc:creator><text:p>alamat Jl. Rahasia 7</text:p></office:annotation><text:p>Sukajadi</text:p></table:table-cell><table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p>sama</text:p></table:table-cell></table:table-row>
<table:table-row>${s('Total')}<table:table-cell/><table:table-cell table:formula="of:=SUM([Data.B1:.B3])" office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell><table:table-cell/></table:table-row>
</table:table>
<table:table table:name="Data" table:style-name="ta2">${SAMPLE_PEOPLE.map((p) => `<table:table-row>${s(p.nik)}${n(1)}${s(p.name)}</table:table-row>`).join('')}</table:table>
<table:named-expressions><table:named-range table:name="DaftarNIK" table:cell-range-address="$Data.$A$1:.$A$3" table:base-cell-address="$Data.$A$1"/></table:named-expressions>
</office:spreadsheet></office:body></office:document-content>`;
  const meta = `${XML}<office:document-meta ${NS} office:version="1.3"><office:meta><meta:initial-creator>Operator Rahasia</meta:initial-creator><dc:creator>Operator Rahasia</dc:creator><dc:title>Rekap internal</dc:title><meta:user-defined meta:name="Kunci">rahasia-sekali</meta:user-defined><meta:generator>LibreOffice/7.4</meta:generator></office:meta></office:document-meta>`;
  const settings = `${XML}<office:document-settings ${NS} office:version="1.3"><office:settings><config:config-item-set xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" config:name="ooo:view-settings"><config:config-item config:name="ActiveTable" config:type="string">Data</config:config-item><config:config-item config:name="PrinterName" config:type="string">operator.rahasia-PC</config:config-item></config:config-item-set></office:settings></office:document-settings>`;
  const styles = `${XML}<office:document-styles ${NS} office:version="1.3"><office:styles/></office:document-styles>`;
  const entry = (p: string, t: string) =>
    `<manifest:file-entry manifest:full-path="${p}" manifest:media-type="${t}"/>`;
  const manifest = `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">${entry('/', 'application/vnd.oasis.opendocument.spreadsheet')}${entry('content.xml', 'text/xml')}${entry('styles.xml', 'text/xml')}${entry('meta.xml', 'text/xml')}${entry('settings.xml', 'text/xml')}${entry('Thumbnails/thumbnail.png', 'image/png')}</manifest:manifest>`;
  const parts = new Map<string, Buffer>([
    ['mimetype', b('application/vnd.oasis.opendocument.spreadsheet')],
    ['META-INF/manifest.xml', b(manifest)],
    ['content.xml', b(content)],
    ['styles.xml', b(styles)],
    ['meta.xml', b(meta)],
    ['settings.xml', b(settings)],
    ['Thumbnails/thumbnail.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ]);
  return writeParts(parts, ['mimetype']);
}
