// Rendering pages for marking and applying redactions (issue 14), as pages per second and as
// a ratio to poppler's pdftoppm on the same file in the same run. `npm run bench -- redaction [pages]`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { applyPdfRedactions, findTextAreas, renderPdfPages } from '../src/modules/redaction/pdf-engine.ts';
import { MARKING_DPI } from '../src/modules/redaction/redaction-ctx.ts';
import { SAMPLE_PEOPLE, samplePeoplePdf } from '../src/modules/redaction/samples.ts';

const run = promisify(execFile);

export async function main(args: string[]): Promise<void> {
  const pages = Number(args[0] ?? 100);
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-redaction-'));
  try {
    const pdf = await samplePeoplePdf({ pages, hidden: true });
    const file = path.join(dir, 'in.pdf');
    await writeFile(file, pdf);

    let t = performance.now();
    await run('pdftoppm', ['-png', '-r', String(MARKING_DPI), file, path.join(dir, 'p')]);
    const popplerMs = performance.now() - t;

    t = performance.now();
    await renderPdfPages(pdf, { dpi: MARKING_DPI }, () => undefined);
    const renderMs = performance.now() - t;

    const areas = (await Promise.all(SAMPLE_PEOPLE.map((p) => findTextAreas(pdf, p.nik)))).flat();
    t = performance.now();
    const out = await applyPdfRedactions(pdf, areas);
    const applyMs = performance.now() - t;

    const pps = (ms: number) => (pages / (ms / 1000)).toFixed(1);
    console.log(
      `redaction bench: ${pages} pages, ${areas.length} areas, ${MARKING_DPI} dpi, ${(pdf.length / 1024).toFixed(0)} KB → ${(out.bytes.length / 1024).toFixed(0)} KB`,
    );
    console.log(`pdftoppm render : ${popplerMs.toFixed(0)} ms  ${pps(popplerMs)} pages/s (baseline)`);
    console.log(
      `mupdf render    : ${renderMs.toFixed(0)} ms  ${pps(renderMs)} pages/s  ratio ${(popplerMs / renderMs).toFixed(2)}× pdftoppm`,
    );
    console.log(
      `mupdf apply     : ${applyMs.toFixed(0)} ms  ${pps(applyMs)} pages/s  ratio ${(popplerMs / applyMs).toFixed(2)}× pdftoppm render`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
