import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../platform/i18n.ts';
import { catalog } from '../i18n/catalog.ts';
import { Timeline } from '../requests/request-bits.tsx';
import { timelineActor } from './timeline-actor.ts';

describe('who acted, in the page language (issue 13 item 12)', () => {
  it.each([
    ['id', 'pemohon', 'pemohon'],
    ['en', 'pemohon', 'requester'],
    ['en', 'publik', 'requester'],
    ['en', 'sistem', 'system'],
    ['en', 'Rina Kusumawati', 'Rina Kusumawati'],
  ] as const)('%s: %s → %s', (locale, label, shown) => {
    expect(timelineActor(createTranslate(catalog, locale), label)).toBe(shown);
  });

  it('prints no Indonesian actor word on an English timeline', () => {
    const t = createTranslate(catalog, 'en');
    const event = {
      id: 1,
      kind: 'SUBMITTED',
      at: new Date('2026-11-17T02:00:00Z'),
      actorLabel: 'pemohon',
      public: true,
      data: {},
    };
    const html = render(
      Timeline({ t, locale: 'en', events: [event as never], timeZone: 'Asia/Jakarta', showActor: true }),
    );
    expect(html).toContain('— requester');
    expect(html).not.toContain('pemohon');
  });
});
