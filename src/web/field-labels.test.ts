import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTranslate } from '../platform/i18n.ts';
import { fieldErrorsOf } from '../platform/validation.ts';
import { fieldLabel } from './field-labels.ts';
import { catalog } from './i18n/catalog.ts';

// Issue 13 item 11: a field error names the field by its label, never by the schema's key.
// This walks the source of every zod object schema read at a boundary (form bodies, API bodies,
// query strings, route parameters, CSV rows, use-case inputs) and fails on a key without a
// label in both languages. Output schemas (`response:` of an API route and the schemas it
// names, and the published statistics document), the environment schema, the seed file shipped
// with the code and job payloads (the mailer's too) never produce a message a person reads.
const NOT_A_BOUNDARY =
  /\.test\.|src\/platform\/config\.ts$|jobs?\.ts$|job-types\.ts$|\/demo\/|reports\/public-statistics\.ts$|offices\/seed-offices\.ts$|platform\/mail\/mailer\.ts$|web\/system\/openapi-document\.ts$/;

function inputSchemaKeys(): Map<string, string> {
  const files = execSync("git ls-files 'src/**/*.ts' 'src/**/*.tsx'", { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter((f) => !NOT_A_BOUNDARY.test(f));
  const keys = new Map<string, string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    // Names of schemas used as responses in this file: skipped where they are declared.
    const outputNames = new Set<string>();
    const collectNames = (n: ts.Node) => {
      if (ts.isIdentifier(n)) outputNames.add(n.text);
      ts.forEachChild(n, collectNames);
    };
    const findResponses = (n: ts.Node) => {
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'response')
        collectNames(n.initializer);
      ts.forEachChild(n, findResponses);
    };
    findResponses(source);
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'response') return;
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && outputNames.has(n.name.text)) return;
      if (
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        ['object', 'strictObject', 'looseObject'].includes(n.expression.name.text) &&
        ts.isIdentifier(n.expression.expression) &&
        n.expression.expression.text === 'z'
      ) {
        const shape = n.arguments[0];
        if (shape && ts.isObjectLiteralExpression(shape)) {
          for (const p of shape.properties) {
            if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && !keys.has(p.name.text))
              keys.set(p.name.text, file);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return keys;
}

describe('field labels', () => {
  const keys = inputSchemaKeys();

  it('finds the boundary schemas (the walk itself works)', () => {
    expect(keys.size).toBeGreaterThan(150);
    expect(keys.has('tahun')).toBe(true);
    expect(keys.has('exemptionGround')).toBe(true);
  });

  it.each(['id', 'en'] as const)('every key of a boundary schema has a %s label', (locale) => {
    const missing = [...keys]
      .filter(([k]) => catalog[locale][`field.${k}`] === undefined)
      .map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });
});

describe('fieldLabel', () => {
  const id = createTranslate(catalog, 'id');
  const en = createTranslate(catalog, 'en');
  it.each([
    ['tahun', 'Tahun', 'Year'],
    ['exemptionGround', 'Dasar pengecualian (Pasal 17)', 'Exemption ground (Article 17)'],
    ['missing.0', 'Kekurangan 1', 'Missing item 1'],
    ['steps.2.title', 'Langkah 3, Judul', 'Step 3, Title'],
    ['row:4:date', 'Baris 4, Tanggal', 'Row 4, Date'],
    ['row.4.kind', 'Baris 4, Jenis', 'Row 4, Kind'],
    ['7:documentTitle', 'Baris 7, Judul dokumen', 'Row 7, Document title'],
    ['noSuchKey', 'Isian', 'Field'],
    ['_', '', ''],
  ])('names %s as "%s" / "%s"', (field, idLabel, enLabel) => {
    expect(fieldLabel(id, field)).toBe(idLabel);
    expect(fieldLabel(en, field)).toBe(enLabel);
  });

  it('a choice error does not list the internal codes', () => {
    const schema = z.object({
      requesterType: z.enum(['PERORANGAN', 'BADAN_HUKUM']),
      missing: z.array(z.string().min(1)),
    });
    const r = schema.safeParse({ requesterType: 'X', missing: [''] });
    expect(r.success).toBe(false);
    const messages = fieldErrorsOf(r.error!).map((f) => `${fieldLabel(id, f.field)}: ${id(f.key, f.params)}`);
    expect(messages).toEqual([
      'Jenis pemohon: Pilih salah satu pilihan yang tersedia.',
      'Kekurangan 1: Wajib diisi.',
    ]);
    expect(messages.join(' ')).not.toMatch(/PERORANGAN|BADAN_HUKUM|requesterType|missing\.0/);
  });
});
