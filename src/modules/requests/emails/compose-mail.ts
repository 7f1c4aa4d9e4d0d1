// Every email has a plain-text part and an HTML part with the same content (style.md: Outline).
// The HTML is built from escaped strings only.

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export interface MailParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  facts?: [string, string][];
  list?: { title: string; items: string[] };
  action?: { label: string; url: string };
  closing: string[];
}

const FOOTER =
  'Email ini dikirim otomatis oleh Terbuka, layanan informasi publik berdasarkan UU No. 14 Tahun 2008.';

export function composeMail(p: MailParts): MailContent {
  const text = [
    p.greeting,
    '',
    ...p.paragraphs.flatMap((para) => [para, '']),
    ...(p.facts ? [...p.facts.map(([k, v]) => `${k}: ${v}`), ''] : []),
    ...(p.list ? [p.list.title, ...p.list.items.map((i) => `- ${i}`), ''] : []),
    ...(p.action ? [`${p.action.label}:`, p.action.url, ''] : []),
    ...p.closing,
    '',
    '--',
    FOOTER,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="id"><body style="font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;line-height:1.5">',
    `<p>${escapeHtml(p.greeting)}</p>`,
    ...p.paragraphs.map((para) => `<p>${escapeHtml(para)}</p>`),
    p.facts
      ? `<table style="border-collapse:collapse">${p.facts
          .map(
            ([k, v]) =>
              `<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(k)}</th><td style="padding:2px 0">${escapeHtml(v)}</td></tr>`,
          )
          .join('')}</table>`
      : '',
    p.list
      ? `<p>${escapeHtml(p.list.title)}</p><ul>${p.list.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
      : '',
    p.action ? `<p><a href="${escapeHtml(p.action.url)}">${escapeHtml(p.action.label)}</a></p>` : '',
    `<p>${p.closing.map(escapeHtml).join('<br>')}</p>`,
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: p.subject, text, html };
}
