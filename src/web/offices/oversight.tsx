import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  listAuditEntries,
  verifyAuditChains,
  type AuditRow,
  type VerifyResult,
} from '../../platform/audit/audit.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import { hideSecrets, listOutbox, readyChannels } from '../../platform/mail/mailer.ts';
import type { Channel } from '../../platform/mail/channels.ts';
import type { mailOutbox } from '../../platform/mail/schema.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { ActionButton } from '../shared/forms.tsx';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { staffRoutes } from '../kit/office.ts';

function AuditPage({
  ctx,
  office,
  rows,
  verify,
}: {
  ctx: PageCtx;
  office: Office;
  rows: AuditRow[];
  verify?: VerifyResult;
}) {
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
      <ActionButton
        action={`/staff/${office.slug}/audit/periksa`}
        csrf={ctx.csrf}
        label={t('audit.verify')}
        variant="secondary"
      />
      {rows.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <DataTable
          t={t}
          rows={rows}
          columns={[
            { label: '#', num: true, cell: (r) => r.seq },
            {
              label: t('audit.when'),
              cell: (r) => formatDateTime(r.occurredAt, ctx.locale, office.timezone),
            },
            { label: t('audit.who'), cell: (r) => r.actorLabel ?? r.actorType },
            { label: t('audit.action'), cell: (r) => <code>{r.action}</code> },
            {
              label: t('audit.entity'),
              cell: (r) => (
                <>
                  {r.entityType}
                  {r.entityId ? <small class="muted"> {r.entityId.slice(0, 8)}</small> : null}
                </>
              ),
            },
          ]}
        />
      )}
    </StaffLayout>
  );
}

type Mail = typeof mailOutbox.$inferSelect;

function OutboxPage({
  ctx,
  office,
  mails,
  open,
  ready,
}: {
  ctx: PageCtx;
  office: Office;
  mails: Mail[];
  open?: Mail;
  /** Channels with a transport: their held rows can be sent now. */
  ready: readonly Channel[];
}) {
  const { t } = ctx;
  const heldRows = mails.filter((m) => m.status === 'held');
  const held = heldRows.filter((m) => ready.includes(m.channel)).length;
  const stuckEmail = heldRows.filter((m) => m.channel === 'email' && !ready.includes(m.channel)).length;
  const stuckPhone = heldRows.length - held - stuckEmail;
  const canSend = held > 0;
  const release = `/staff/${office.slug}/kotak-keluar/kirim-ditahan`;
  return (
    <StaffLayout ctx={ctx} title={t('outbox.title')}>
      <hgroup>
        <h1>{t('outbox.title')}</h1>
        <p>{t('outbox.lead')}</p>
      </hgroup>
      {heldRows.length > 0 ? (
        <div class="notice notice-warning">
          {canSend ? <p>{t('heldMail.heldReady', { count: held })}</p> : null}
          {stuckEmail > 0 ? <p>{t('heldMail.heldNoSmtp', { count: stuckEmail })}</p> : null}
          {stuckPhone > 0 ? <p>{t('heldMail.heldNoPhone', { count: stuckPhone })}</p> : null}
          {canSend ? (
            <ActionButton action={release} csrf={ctx.csrf} label={t('heldMail.sendAll', { count: held })} />
          ) : null}
        </div>
      ) : null}
      {open ? (
        <article>
          <header>
            <strong>{hideSecrets(open.subject)}</strong>
            <br />
            {t(`outbox.channel.${open.channel}`)} · {t('outbox.to')}: {open.toAddress} ·{' '}
            {formatDateTime(open.createdAt, ctx.locale, office.timezone)}
          </header>
          <pre class="mail-text">{hideSecrets(open.textBody)}</pre>
        </article>
      ) : null}
      {mails.length === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <DataTable
          t={t}
          rows={mails}
          columns={[
            { label: t('app.date'), cell: (m) => formatDateTime(m.createdAt, ctx.locale, office.timezone) },
            { label: t('outbox.channel'), cell: (m) => t(`outbox.channel.${m.channel}`) },
            { label: t('outbox.to'), cell: (m) => m.toAddress },
            {
              label: t('outbox.subject'),
              cell: (m) => (
                <a href={`/staff/${office.slug}/kotak-keluar?email=${m.id}`}>{hideSecrets(m.subject)}</a>
              ),
            },
            {
              label: t('app.status'),
              cell: (m) => (
                <>
                  {t(`outbox.status.${m.status}`)}
                  {m.status === 'held' && ready.includes(m.channel) ? (
                    <ActionButton
                      action={release}
                      csrf={ctx.csrf}
                      label={t('heldMail.sendOne')}
                      variant="secondary"
                      hidden={{ outboxId: m.id }}
                    />
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
    </StaffLayout>
  );
}

export async function oversightRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const { db } = app.services.database;

  staff.get('/staff/:office/audit', 'viewAudit', async (req, reply, office) =>
    sendPage(
      reply,
      <AuditPage ctx={pageCtx(req, reply)} office={office} rows={await listAuditEntries(db, office.id)} />,
    ),
  );

  staff.post('/staff/:office/audit/periksa', 'viewAudit', async (req, reply, office) => {
    const verify = await verifyAuditChains(db, office.id);
    return sendPage(
      reply,
      <AuditPage
        ctx={pageCtx(req, reply)}
        office={office}
        rows={await listAuditEntries(db, office.id)}
        verify={verify}
      />,
    );
  });

  staff.get<{ Querystring: { email?: string } }>(
    '/staff/:office/kotak-keluar',
    'viewOutbox',
    async (req, reply, office) => {
      const mails = await listOutbox(db, office.id, 200);
      const id = z.uuid().safeParse(req.query.email);
      const open = id.success ? mails.find((m) => m.id === id.data) : undefined;
      return sendPage(
        reply,
        <OutboxPage
          ctx={pageCtx(req, reply)}
          office={office}
          mails={mails}
          ready={readyChannels(app.services.config)}
          {...(open ? { open } : {})}
        />,
      );
    },
  );
}
