// The Atom feed (RFC 4287) of an office's new and updated DIP entries. Hand-written (ADR
// 0016): a dozen elements, escaped here, need no library.

export interface FeedEntry {
  id: string;
  title: string;
  summary: string;
  url: string;
  updated: Date;
  category: string;
}

export interface Feed {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  pageUrl: string;
  updated: Date;
  entries: FeedEntry[];
}

export function xmlEscape(s: string): string {
  // Characters XML 1.0 forbids are dropped; markup characters are escaped.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function atomFeed(feed: Feed): string {
  const e = xmlEscape;
  const entries = feed.entries
    .map(
      (x) => `  <entry>
    <id>${e(x.id)}</id>
    <title>${e(x.title)}</title>
    <link rel="alternate" type="text/html" href="${e(x.url)}"/>
    <updated>${x.updated.toISOString()}</updated>
    <category term="${e(x.category)}"/>
    <summary>${e(x.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${e(feed.id)}</id>
  <title>${e(feed.title)}</title>
  <subtitle>${e(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${e(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.pageUrl)}"/>
  <updated>${feed.updated.toISOString()}</updated>
  <generator>Terbuka</generator>
  <author><name>${e(feed.title)}</name></author>
${entries}
</feed>
`;
}
