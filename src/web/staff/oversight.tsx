import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listAuditEntries, verifyAuditChains, type AuditRow, type VerifyResult } from '../../platform/audit/audit.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import { hideSecrets, listOutbox } from '../../platform/mail/mailer.ts';
import type { mailOutbox } from '../../platform/mail/schema.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { ActionButton } from '../components/forms.tsx';
import { StaffLayout } from '../components/layout.tsx';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';

function AuditPage({ ctx, office, rows, verify }: { ctx: PageCtx; office: Office; rows: AuditRow[]; verify?: VerifyResult }) {
  const { t } = ctx;
  const first = verify?.problems[0];
  return (
    <StaffLayout ctx={ctx} title={t('audit.title')}>
      <hgroup>
        <h1>{t('audit.title')}</h1>
        <p>{t('audit.lead')}</p>
      </hgroup>
      {verify ? (
        <p class={`notice ${first ? 'notice-error' : 'notice-success'}`} role="status">
          {first
            ? t('audit.verifyBad', { count: verify.problems.length, seq: first.seq, problem: first.problem })
            : t('audit.verifyOk', { rows: verify.rows })}
        </p>
      ) : null}
      <ActionButton action={`/staff/${office.slug}/audit/periksa`} csrf={ctx.csrf} label={t('audit.verify')} variant="secondary" />
      {rows.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td class="num">{r.seq}</td>
                  <td>{formatDateTime(r.occurredAt, ctx.locale, office.timezone)}</td>
                  <td>{r.actorLabel ?? r.actorType}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.entityType}
                    {r.entityId ? <small class="muted"> {r.entityId.slice(0, 8)}</small> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}

type Mail = typeof mailOutbox.$inferSelect;

function OutboxPage({ ctx, office, mails, open, smtpReady }: { ctx: PageCtx; office: Office; mails: Mail[]; open?: Mail; smtpReady: boolean }) {
  const { t } = ctx;
  const held = mails.filter((m) => m.status === 'held').length;
  const release = `/staff/${office.slug}/kotak-keluar/kirim-ditahan`;
  return (
    <StaffLayout ctx={ctx} title={t('outbox.title')}>
      <hgroup>
        <h1>{t('outbox.title')}</h1>
        <p>{t('outbox.lead')}</p>
      </hgroup>
      {held > 0 ? (
        <div class="notice notice-warning">
          <p>{t(smtpReady ? 'heldMail.heldReady' : 'heldMail.heldNoSmtp', { count: held })}</p>
          {smtpReady ? <ActionButton action={release} csrf={ctx.csrf} label={t('heldMail.sendAll', { count: held })} /> : null}
        </div>
      ) : null}
      {open ? (
        <article>
          <header>
            <strong>{hideSecrets(open.subject)}</strong>
            <br />
            {t('outbox.to')}: {open.toAddress} · {formatDateTime(open.createdAt, ctx.locale, office.timezone)}
          </header>
          <pre class="mail-text">{hideSecrets(open.textBody)}</pre>
        </article>
      ) : null}
      {mails.length === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('app.date')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('app.status')}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr>
                  <td>{formatDateTime(m.createdAt, ctx.locale, office.timezone)}</td>
                  <td>{m.toAddress}</td>
                  <td>
                    <a href={`/staff/${office.slug}/kotak-keluar?email=${m.id}`}>{hideSecrets(m.subject)}</a>
                  </td>
                  <td>
                    {t(`outbox.status.${m.status}`)}
                    {m.status === 'held' && smtpReady ? <ActionButton action={release} csrf={ctx.csrf} label={t('heldMail.sendOne')} variant="secondary" hidden={{ outboxId: m.id }} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}

export async function oversightRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;

  app.get('/staff/:office/audit', { config: { permission: 'viewAudit' } }, async (req, reply) =>
    sendPage(reply, <AuditPage ctx={pageCtx(req, reply)} office={req.office!} rows={await listAuditEntries(db, req.office!.id)} />),
  );

  app.post('/staff/:office/audit/periksa', { config: { permission: 'viewAudit' } }, async (req, reply) => {
    const verify = await verifyAuditChains(db, req.office!.id);
    return sendPage(
      reply,
      <AuditPage ctx={pageCtx(req, reply)} office={req.office!} rows={await listAuditEntries(db, req.office!.id)} verify={verify} />,
    );
  });

  app.get<{ Querystring: { email?: string } }>('/staff/:office/kotak-keluar', { config: { permission: 'viewOutbox' } }, async (req, reply) => {
    const mails = await listOutbox(db, req.office!.id, 200);
    const id = z.uuid().safeParse(req.query.email);
    const open = id.success ? mails.find((m) => m.id === id.data) : undefined;
    return sendPage(reply, <OutboxPage ctx={pageCtx(req, reply)} office={req.office!} mails={mails} smtpReady={Boolean(app.services.config.smtpUrl)} {...(open ? { open } : {})} />);
  });
}
