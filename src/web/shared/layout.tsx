import type { ComponentChildren } from 'preact';
import { actorOffices, type PageCtx } from '../render.tsx';
import {
  can,
  canExemptions,
  canObjections,
  canReports,
  canRequests,
} from '../../modules/access/permissions.ts';

/** The menu item that shows the page in the other language. */
function LanguageSwitch({ ctx }: { ctx: PageCtx }) {
  const other = ctx.locale === 'id' ? 'en' : 'id';
  return (
    <li>
      <a href={`/bahasa/${other}?next=${encodeURIComponent(ctx.path)}`} lang={other}>
        {ctx.t('app.switchTo')}
      </a>
    </li>
  );
}

/** The portal's header (public pages, errors, sign-in): the name, the language switch and any further menu items. */
function PortalHeader({ ctx, children }: { ctx: PageCtx; children?: ComponentChildren }) {
  return (
    <header class="site-header">
      <nav class="container" aria-label={ctx.t('nav.mainMenu')}>
        <ul>
          <li>
            <a href="/" class="brand">
              <strong>{ctx.t('app.name')}</strong> <small>{ctx.t('app.tagline')}</small>
            </a>
          </li>
        </ul>
        <ul>
          <LanguageSwitch ctx={ctx} />
          {children}
        </ul>
      </nav>
    </header>
  );
}

function Document(props: { ctx: PageCtx; title: string; children: ComponentChildren; bodyClass?: string }) {
  const { ctx } = props;
  return (
    <html lang={ctx.locale} data-theme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${ctx.t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/vendor/pico.red.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/requests.css" />
        <link rel="stylesheet" href="/assets/dip.css" />
        <link rel="stylesheet" href="/assets/objections.css" />
        <link rel="stylesheet" href="/assets/reports.css" />
        <script src="/assets/vendor/htmx.min.js" defer></script>
        <script src="/assets/app.js" defer></script>
      </head>
      <body class={props.bodyClass}>
        <a class="skip-link" href="#main">
          {ctx.t('app.skipToContent')}
        </a>
        {props.children}
      </body>
    </html>
  );
}

export function FlashMessage({ ctx }: { ctx: PageCtx }) {
  if (!ctx.flash) return null;
  return (
    <p class={`notice notice-${ctx.flash.kind}`} role={ctx.flash.kind === 'error' ? 'alert' : 'status'}>
      {ctx.t(ctx.flash.key, ctx.flash.params)}
    </p>
  );
}

function Footer({ ctx }: { ctx: PageCtx }) {
  return (
    <footer class="container site-footer">
      <small>{ctx.t('app.footer')}</small>
    </footer>
  );
}

/** The public portal: national front page and office pages. */
export function PublicLayout(props: {
  ctx: PageCtx;
  title: string;
  children: ComponentChildren;
  breadcrumbs?: { href: string; label: string }[];
}) {
  const { ctx } = props;
  return (
    <Document ctx={ctx} title={props.title}>
      <PortalHeader ctx={ctx}>
        <li>
          <a href={ctx.user ? '/staff' : '/staff/login'}>
            {ctx.user ? ctx.t('nav.dashboard') : ctx.t('nav.staff')}
          </a>
        </li>
      </PortalHeader>
      <main id="main" class="container" tabIndex={-1}>
        {props.breadcrumbs && props.breadcrumbs.length > 0 ? (
          <nav aria-label="breadcrumb" class="breadcrumbs">
            <ul>
              {props.breadcrumbs.map((b) => (
                <li>
                  <a href={b.href}>{b.label}</a>
                </li>
              ))}
              <li>{props.title}</li>
            </ul>
          </nav>
        ) : null}
        <FlashMessage ctx={ctx} />
        {props.children}
      </main>
      <Footer ctx={ctx} />
    </Document>
  );
}

interface NavItem {
  href: string;
  label: string;
  show: boolean;
}

/** The staff back office: office switcher, menu by role, user menu. */
export function StaffLayout(props: { ctx: PageCtx; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  const office = ctx.office;
  const base = office ? `/staff/${office.slug}` : '/staff';
  const items: NavItem[] = office
    ? [
        { href: base, label: ctx.t('nav.dashboard'), show: true },
        {
          href: `${base}/permohonan`,
          label: ctx.t('requests.nav.worklist'),
          show: canRequests.viewRequests(ctx.actor, office),
        },
        {
          href: `${base}/register-permohonan`,
          label: ctx.t('requests.nav.register'),
          show: canRequests.viewRequestRegister(ctx.actor, office),
        },
        {
          href: `${base}/keberatan`,
          label: ctx.t('objections.nav.worklist'),
          show: canObjections.viewObjections(ctx.actor, office),
        },
        {
          href: `${base}/register-keberatan`,
          label: ctx.t('objections.nav.register'),
          show: canObjections.viewObjectionRegister(ctx.actor, office),
        },
        {
          href: `${base}/laporan-permohonan`,
          label: ctx.t('requests.nav.reports'),
          show: canRequests.viewRequestReports(ctx.actor, office),
        },
        {
          href: `${base}/laporan-tahunan`,
          label: ctx.t('annual.nav'),
          show: canReports.viewAnnualReport(ctx.actor, office),
        },
        {
          href: `${base}/pengawasan`,
          label: ctx.t('rollup.nav'),
          show: office.level !== 'KABKOTA' && canReports.viewRollup(ctx.actor, office),
        },
        {
          href: `${base}/pengguna`,
          label: ctx.t('nav.users'),
          show: can.administerOffice(ctx.actor, office),
        },
        { href: `${base}/unit`, label: ctx.t('nav.units'), show: can.administerOffice(ctx.actor, office) },
        { href: `${base}/dip`, label: ctx.t('nav.dip'), show: can.viewDipDrafts(ctx.actor, office) },
        {
          href: `${base}/dip/usulan`,
          label: ctx.t('nav.dipProposals'),
          show: can.proposeDipEntries(ctx.actor, office) && !can.manageDip(ctx.actor, office),
        },
        { href: `${base}/arsip`, label: ctx.t('nav.archive'), show: can.enterOffice(ctx.actor, office) },
        {
          href: `${base}/informasi-dikecualikan`,
          label: ctx.t('nav.exemptions'),
          show: canExemptions.viewExemptions(ctx.actor, office),
        },
        { href: `${base}/sop`, label: ctx.t('nav.sops'), show: can.enterOffice(ctx.actor, office) },
        {
          href: `${base}/serta-merta`,
          label: ctx.t('announcements.nav'),
          show: can.publishUrgentAnnouncements(ctx.actor, office),
        },
        {
          href: `${base}/maklumat-pelayanan`,
          label: ctx.t('charter.nav'),
          show: can.editServiceCharter(ctx.actor, office),
        },
        { href: `${base}/kalender`, label: ctx.t('nav.calendar'), show: can.enterOffice(ctx.actor, office) },
        {
          href: `${base}/kalender-saya`,
          label: ctx.t('nav.calendarFeeds'),
          show: ctx.actor.kind === 'user' && can.enterOffice(ctx.actor, office),
        },
        {
          href: `${base}/pengaturan`,
          label: ctx.t('nav.settings'),
          show: can.administerOffice(ctx.actor, office),
        },
        {
          href: `${base}/pengaturan-permohonan`,
          label: ctx.t('requests.nav.settings'),
          show: can.administerOffice(ctx.actor, office),
        },
        {
          href: `${base}/pengaturan-keberatan`,
          label: ctx.t('objections.nav.settings'),
          show: can.administerOffice(ctx.actor, office),
        },
        { href: `${base}/kantor`, label: ctx.t('nav.offices'), show: can.createOffice(ctx.actor, office) },
        { href: `${base}/token`, label: ctx.t('nav.tokens'), show: can.administerOffice(ctx.actor, office) },
        { href: `${base}/kotak-keluar`, label: ctx.t('nav.outbox'), show: can.viewOutbox(ctx.actor, office) },
        { href: `${base}/audit`, label: ctx.t('nav.audit'), show: can.viewAudit(ctx.actor, office) },
      ]
    : [];
  const myOffices = actorOffices(ctx.actor);
  return (
    <Document ctx={ctx} title={props.title} bodyClass="staff">
      <header class="site-header staff-header">
        <nav class="container-fluid" aria-label={ctx.t('nav.mainMenu')}>
          <ul>
            <li>
              <a href="/staff" class="brand">
                <strong>{ctx.t('app.name')}</strong>
              </a>
            </li>
            {office ? (
              <li class="office-name">
                <a href={`/${office.slug}`}>{office.name}</a>
              </li>
            ) : null}
          </ul>
          <ul>
            {myOffices.length > 1 ? (
              <li>
                <form method="get" action="/staff/kantor" class="office-switcher" role="search">
                  <label for="office-switch" class="visually-hidden">
                    {ctx.t('nav.switchOffice')}
                  </label>
                  <select id="office-switch" name="office" aria-label={ctx.t('nav.switchOffice')}>
                    {myOffices.map((o) => (
                      <option value={o.officeSlug} selected={o.officeId === office?.id}>
                        {o.officeName}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="secondary">
                    {ctx.t('nav.switchOffice')}
                  </button>
                </form>
              </li>
            ) : null}
            <LanguageSwitch ctx={ctx} />
            {ctx.user ? (
              <li>
                <details class="dropdown">
                  <summary>{ctx.user.name}</summary>
                  <ul dir="rtl">
                    <li>
                      <a href="/staff/akun">{ctx.t('nav.account')}</a>
                    </li>
                    <li>
                      <form method="post" action="/staff/logout">
                        <input type="hidden" name="_csrf" value={ctx.csrf} />
                        <button type="submit" class="link-button">
                          {ctx.t('nav.logout')}
                        </button>
                      </form>
                    </li>
                  </ul>
                </details>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <div class="container-fluid staff-body">
        {items.length > 0 ? (
          <nav class="staff-nav" aria-label={ctx.t('nav.staffMenu')}>
            <ul>
              {items
                .filter((i) => i.show)
                .map((i) => (
                  <li>
                    <a href={i.href} aria-current={ctx.path.split('?')[0] === i.href ? 'page' : undefined}>
                      {i.label}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" tabIndex={-1}>
          <FlashMessage ctx={ctx} />
          {props.children}
        </main>
      </div>
      <Footer ctx={ctx} />
    </Document>
  );
}

/** A bare page for errors and sign-in. */
export function SimpleLayout(props: { ctx: PageCtx; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <Document ctx={ctx} title={props.title}>
      <PortalHeader ctx={ctx} />
      <main id="main" class="container narrow" tabIndex={-1}>
        <FlashMessage ctx={ctx} />
        {props.children}
      </main>
      <Footer ctx={ctx} />
    </Document>
  );
}
