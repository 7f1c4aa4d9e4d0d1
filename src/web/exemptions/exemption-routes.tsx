import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { canExemptions, hasRole } from '../../modules/access/permissions.ts';
import { listArchiveItems } from '../../modules/archive/queries.ts';
import { listRequests } from '../../modules/requests/queries.ts';
import { roleDue, type ApprovalSubject } from '../../modules/exemptions/approval-chain.ts';
import { decideApproval } from '../../modules/exemptions/decide-approval.ts';
import { importExemptionEntries } from '../../modules/exemptions/import-exemption-entries.ts';
import {
  findDecree,
  findTest,
  listApprovals,
  listDecreeEntries,
  listDecrees,
  listDikEntries,
  listReviews,
  listTests,
  type ExemptionApproval,
  type ExemptionDecree,
  type ExemptionEntry,
  type ExemptionTest,
} from '../../modules/exemptions/queries.ts';
import { recordExemptionReview } from '../../modules/exemptions/record-review.ts';
import { renderDecreePdfFor, renderTestPdfFor } from '../../modules/exemptions/exemption-documents.ts';
import { revokeDecree } from '../../modules/exemptions/revoke-decree.ts';
import { saveConsequenceTest } from '../../modules/exemptions/save-consequence-test.ts';
import { mayReachDown, saveDecree } from '../../modules/exemptions/save-decree.ts';
import { removeExemptionEntry, saveExemptionEntry } from '../../modules/exemptions/save-exemption-entry.ts';
import { submitForApproval } from '../../modules/exemptions/submit-for-approval.ts';
import { citePasal17 } from '../../modules/law/pasal17.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { DataTable } from '../shared/data-table.tsx';
import { dikColumns, DikTable, periodText } from './dik-table.tsx';
import {
  ActionButton,
  Csrf,
  ErrorSummary,
  FileField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { sendPdf, uuidParam } from '../dip/dip-cycle-routes.tsx';
import { ApprovalForm, DecreeForm, EntryForm, exemptionLabels, TestForm } from './exemption-forms.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// SOP 004 for the office's staff: the DIK (own and inherited), the approval worklist of the
// Pembina PPID, Tim Pertimbangan and Atasan PPID, consequence tests, decrees with their entries,
// import of an existing list, revocation, the twice-yearly review, and the PDFs.

const base = (o: Office) => `/staff/${o.slug}/informasi-dikecualikan`;
const testLabel = (x: ExemptionTest) =>
  `${formatDate(x.heldOn, 'id')} — ${x.information.slice(0, 80)} (${citePasal17(x.ground, x.subPoint).split(' Undang-Undang')[0]})`;

function testValues(x: ExemptionTest): Values {
  return {
    ...x,
    subPoint: x.subPoint === null ? '' : String(x.subPoint),
    closed: x.closed ? 'CLOSED' : 'OPEN',
    whole: x.whole ? 'WHOLE' : 'PART',
    participants: x.participants.map((p) => `${p.name} — ${p.position}`).join('\n'),
    archiveItemId: x.archiveItemId ?? '',
    requestId: x.requestId ?? '',
    objectionId: x.objectionId ?? '',
    periodUntil: x.periodUntil ?? '',
    periodCondition: x.periodCondition ?? '',
    otherStatute: x.otherStatute ?? '',
  };
}

function ChainView({
  ctx,
  chain,
  approvedSteps,
  status,
  history,
}: {
  ctx: PageCtx;
  chain: readonly string[];
  approvedSteps: number;
  status: string;
  history: ExemptionApproval[];
}) {
  const { t } = ctx;
  return (
    <section>
      <h2>{t('exemptions.approval.title')}</h2>
      {chain.length > 0 ? (
        <ol>
          {chain.map((r, i) => (
            <li>
              {t(`role.${r}`)} —{' '}
              {status === 'IN_APPROVAL' && i === approvedSteps ? (
                <strong>{t('exemptions.approval.due')}</strong>
              ) : i < approvedSteps || status === 'APPROVED' || status === 'ACTIVE' ? (
                t('exemptions.approval.done')
              ) : (
                t('exemptions.approval.waiting')
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('exemptions.approval.notSubmitted')}</p>
      )}
      {history.length > 0 ? (
        <DataTable
          t={t}
          caption={t('exemptions.approval.history')}
          rows={history}
          columns={[
            {
              label: t('exemptions.col.when'),
              cell: (h) => formatDateTime(h.at, ctx.locale, 'Asia/Jakarta'),
            },
            { label: t('exemptions.col.role'), cell: (h) => t(`role.${h.role}`) },
            { label: t('exemptions.col.name'), cell: (h) => h.actorName },
            { label: t('exemptions.col.decision'), cell: (h) => t(`exemptions.decision.${h.decision}`) },
            { label: t('exemptions.field.reason'), cell: (h) => h.reason ?? '—' },
          ]}
        />
      ) : null}
    </section>
  );
}

/**
 * The page of a consequence test or a decree: its own details, the approval chain with the step
 * of whoever's turn it is, "submit for approval", and the edit form while it may be edited.
 */
function SubjectPage(p: {
  c: PageCtx;
  office: Office;
  path: 'uji' | 'keputusan';
  title: string;
  found: { id: string; chain: string[]; approvedSteps: number; status: string } | undefined;
  history: ExemptionApproval[];
  turn: string | null;
  approvalErrors: Errors;
  canSubmit: boolean;
  editTitle: string;
  details: ComponentChildren;
  after?: ComponentChildren;
  form: ComponentChildren;
}) {
  const { c, found } = p;
  const { t } = c;
  const at = found ? `${base(p.office)}/${p.path}/${found.id}` : '';
  return (
    <StaffLayout ctx={c} title={p.title}>
      <h1>{p.title}</h1>
      {found ? (
        <>
          {p.details}
          <ChainView
            ctx={c}
            chain={found.chain}
            approvedSteps={found.approvedSteps}
            status={found.status}
            history={p.history}
          />
          {p.turn ? (
            <ApprovalForm
              t={t}
              csrf={c.csrf}
              action={`${at}/persetujuan`}
              errors={p.approvalErrors}
              role={p.turn}
            />
          ) : null}
          {p.canSubmit ? (
            <ActionButton action={`${at}/ajukan`} csrf={c.csrf} label={t('exemptions.approval.submit')} />
          ) : null}
          {p.after}
        </>
      ) : null}
      {p.form ? (
        <section>
          {found ? <h2>{p.editTitle}</h2> : null}
          {p.form}
        </section>
      ) : null}
      <p>
        <a href={base(p.office)}>{t('app.back')}</a>
      </p>
    </StaffLayout>
  );
}

/** A titled list of links on the overview, or a line saying there is nothing. */
function ListSection<T>({
  title,
  empty,
  items,
  item,
}: {
  title: string;
  empty: string;
  items: readonly T[];
  item: (x: T) => ComponentChildren;
}) {
  return (
    <section>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul>
          {items.map((x) => (
            <li>{item(x)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A test started from a request (at the request) or from a dispute (on the Komisi Informasi's order). */
function prefill(query: unknown): Values {
  const q = (query ?? {}) as Record<string, unknown>;
  const id = (v: unknown) => (typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v) ? v : '');
  if (id(q.objectionId)) return { occasion: 'KI_ORDER', objectionId: id(q.objectionId) };
  if (id(q.requestId)) return { occasion: 'AT_REQUEST', requestId: id(q.requestId) };
  return { occasion: 'BEFORE_REQUEST' };
}

/** "row.7.ground" → "Baris 7, Alasan pengecualian (Pasal 17 huruf)". */
function importLabels(t: PageCtx['t'], errors: Errors, L: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...L };
  for (const k of Object.keys(errors)) {
    const m = /^row\.(\d+)\.(.+)$/.exec(k);
    if (m) out[k] = t('exemptions.import.rowLabel', { row: m[1]!, column: L[m[2]!] ?? m[2]! });
  }
  return out;
}

export async function exemptionStaffRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  /** Runs a one-button step; a refusal that belongs to the page (wrong status, not your turn) becomes a flash. */
  const step = async (
    req: FastifyRequest,
    reply: FastifyReply,
    back: string,
    run: () => Promise<unknown>,
    okKey: string,
  ) => {
    try {
      await run();
      setFlash(reply, { kind: 'success', key: okKey });
    } catch (e) {
      if (!isAppError(e) || !['CONFLICT', 'VALIDATION', 'FORBIDDEN'].includes(e.code)) throw e;
      const f = e.fields[0];
      setFlash(reply, { kind: 'error', key: f ? f.key : e.key, params: f ? { ...f.params } : e.params });
    }
    return reply.redirect(back);
  };

  /** Runs a form's use case: field errors re-draw the page; success flashes `key` and goes to `to`. */
  const saveForm = <T,>(
    req: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<T>,
    redraw: (errors: Errors, status: number) => Promise<FastifyReply>,
    done: (result: T) => { key: string; params?: Record<string, number>; to: string },
  ) =>
    formAction(req, reply, run, redraw, (result) => {
      const { key, params, to } = done(result);
      setFlash(reply, { kind: 'success', key, ...(params ? { params } : {}) });
      return reply.redirect(to);
    });

  const myTurn = (
    req: FastifyRequest,
    office: Office,
    x: { status: string; chain: string[]; approvedSteps: number },
  ) => {
    const due = x.status === 'IN_APPROVAL' ? roleDue(x.chain as never, x.approvedSteps) : null;
    return due && hasRole(req.actor, office, due) ? due : null;
  };

  // --- overview and worklist ---------------------------------------------------------------
  const renderOverview = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    status = 200,
  ) => {
    const office = officeOf(req);
    const c = pageCtx(req, reply);
    const { t } = c;
    const [dik, decrees, tests, reviews] = await Promise.all([
      listDikEntries(ctx.db, office),
      listDecrees(ctx.db, office.id),
      listTests(ctx.db, office.id),
      listReviews(ctx.db, office.id),
    ]);
    const mineTests = tests.filter((x) => myTurn(req, office, x));
    const mineDecrees = decrees.filter((x) => myTurn(req, office, x));
    const canManage = canExemptions.manageExemptions(req.actor, office);
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={t('exemptions.staff.title')}>
        <hgroup>
          <h1>{t('exemptions.staff.title')}</h1>
          <p>{t('exemptions.staff.lead')}</p>
        </hgroup>
        <p class="toolbar">
          {canManage ? <a href={`${base(office)}/uji/baru`}>{t('exemptions.test.new')}</a> : null}
          {canManage ? <a href={`${base(office)}/keputusan/baru`}>{t('exemptions.decree.new')}</a> : null}
          <a href={`/${office.slug}/informasi-dikecualikan`}>{t('exemptions.staff.publicPage')}</a>
        </p>
        <ListSection
          title={t('exemptions.worklist.title')}
          empty={t('exemptions.worklist.none')}
          items={[
            ...mineTests.map((x) => ({
              href: `${base(office)}/uji/${x.id}`,
              label: t('exemptions.worklist.test', { label: testLabel(x) }),
            })),
            ...mineDecrees.map((d) => ({
              href: `${base(office)}/keputusan/${d.id}`,
              label: t('exemptions.worklist.decree', { number: d.number, title: d.title }),
            })),
          ]}
          item={(w) => <a href={w.href}>{w.label}</a>}
        />
        <section>
          <h2>{t('exemptions.staff.inForce')}</h2>
          {dik.length === 0 ? (
            <p class="muted">{t('exemptions.public.none')}</p>
          ) : (
            <DikTable
              t={t}
              locale={c.locale}
              entries={dik}
              caption={t('exemptions.public.inForce', { n: dik.length })}
              link={(e) => (e.inheritedFrom ? null : `${base(office)}/keputusan/${e.decreeId}`)}
            />
          )}
        </section>
        <ListSection
          title={t('exemptions.decree.list')}
          empty={t('exemptions.decree.none')}
          items={decrees}
          item={(d) => (
            <>
              <a href={`${base(office)}/keputusan/${d.id}`}>{d.number}</a> — {d.title}{' '}
              <span class="badge">{t(`exemptions.decreeStatus.${d.status}`)}</span>
            </>
          )}
        />
        <ListSection
          title={t('exemptions.test.list')}
          empty={t('exemptions.test.none')}
          items={tests}
          item={(x) => (
            <>
              <a href={`${base(office)}/uji/${x.id}`}>{testLabel(x)}</a>{' '}
              <span class="badge">{t(`exemptions.testStatus.${x.status}`)}</span>{' '}
              <small class="muted">{t(`exemptions.occasion.${x.occasion}`)}</small>
            </>
          )}
        />
        <section>
          <h2 id="tinjauan">{t('exemptions.review.title')}</h2>
          <p>
            {reviews[0]
              ? t('exemptions.review.last', {
                  date: formatDate(reviews[0].reviewedOn, c.locale),
                  name: reviews[0].actorName,
                })
              : t('exemptions.review.never')}
          </p>
          {canManage ? (
            <>
              <ErrorSummary
                t={t}
                errors={errors}
                labels={{ reviewedOn: t('exemptions.field.reviewedOn'), note: t('exemptions.field.note') }}
              />
              <form method="post" action={`${base(office)}/tinjauan`}>
                <Csrf token={c.csrf} />
                <div class="grid-2">
                  <TextField
                    name="reviewedOn"
                    type="date"
                    label={t('exemptions.field.reviewedOn')}
                    errors={errors}
                    values={{}}
                    required
                  />
                  <TextArea
                    name="note"
                    label={t('exemptions.field.note')}
                    errors={errors}
                    values={{}}
                    rows={2}
                    required
                  />
                </div>
                <button type="submit" class="secondary">
                  {t('exemptions.review.record')}
                </button>
              </form>
            </>
          ) : null}
        </section>
      </StaffLayout>,
      status,
    );
  };

  staff.get('/staff/:office/informasi-dikecualikan', 'viewExemptions', (req, reply) =>
    renderOverview(req, reply),
  );
  staff.post(
    '/staff/:office/informasi-dikecualikan/tinjauan',
    'manageExemptions',
    async (req, reply, office) => {
      const { fields } = await readForm(req);
      return saveForm(
        req,
        reply,
        () => recordExemptionReview(ctx, req.actor, { officeId: office.id, data: fields }),
        (errors, status) => renderOverview(req, reply, errors, status),
        () => ({ key: 'exemptions.flash.reviewed', to: base(office) }),
      );
    },
  );

  // --- consequence tests -------------------------------------------------------------------
  const renderTest = async (
    req: FastifyRequest,
    reply: FastifyReply,
    test: ExemptionTest | undefined,
    opts: { errors?: Errors; values?: Values; approvalErrors?: Errors; status?: number } = {},
  ) => {
    const office = officeOf(req);
    const c = pageCtx(req, reply);
    const { t } = c;
    const archive = (await listArchiveItems(ctx.db, office.id)).map((a) => ({ id: a.id, title: a.title }));
    // "Held at a request": a picker of the office's requests, found by typing the number (newest first).
    const requestOptions = (await listRequests(ctx.db, office.id, { limit: 300 })).map((r) => ({
      id: r.id,
      label: `${r.number} — ${r.informationRequested.length > 70 ? `${r.informationRequested.slice(0, 69)}…` : r.informationRequested}`,
    }));
    const editable =
      canExemptions.manageExemptions(req.actor, office) &&
      (!test || test.status === 'DRAFT' || test.status === 'RETURNED');
    const history = test ? await listApprovals(ctx.db, office.id, 'TEST', test.id) : [];
    const turn = test ? myTurn(req, office, test) : null;
    const title = test ? t('exemptions.test.title') : t('exemptions.test.new');
    const L = exemptionLabels(t);
    return sendPage(
      reply,
      <SubjectPage
        c={c}
        office={office}
        path="uji"
        title={title}
        found={test}
        history={history}
        turn={turn}
        approvalErrors={opts.approvalErrors ?? {}}
        canSubmit={editable}
        editTitle={t('exemptions.test.edit')}
        details={
          test ? (
            <>
              <p>
                <span class="badge">{t(`exemptions.testStatus.${test.status}`)}</span> ·{' '}
                <a href={`${base(office)}/uji/${test.id}/uji-konsekuensi.pdf`}>{t('exemptions.test.pdf')}</a>
              </p>
              <dl class="facts">
                <dt>{L.information}</dt>
                <dd>{test.information}</dd>
                <dt>{L.documentDescription}</dt>
                <dd>{test.documentDescription}</dd>
                <dt>{t('exemptions.col.legalBasis')}</dt>
                <dd>
                  {citePasal17(test.ground, test.subPoint)}
                  {test.otherStatute ? `; ${test.otherStatute}` : ''}
                </dd>
                <dt>{L.harmAnalysis}</dt>
                <dd>{test.harmAnalysis}</dd>
                <dt>{L.publicInterest}</dt>
                <dd>{test.publicInterest}</dd>
                <dt>{L.propriety}</dt>
                <dd>{test.propriety}</dd>
                <dt>{t('exemptions.test.result')}</dt>
                <dd>
                  {t(`exemptions.result.${test.closed ? 'CLOSED' : 'OPEN'}`)}
                  {test.closed
                    ? `, ${t(test.whole ? 'exemptions.closed.whole' : 'exemptions.closed.part')}; ${periodText(t, c.locale, test)}`
                    : ''}
                </dd>
                <dt>{t('exemptions.test.held')}</dt>
                <dd>
                  {t(`exemptions.occasion.${test.occasion}`)} — {test.place},{' '}
                  {formatDate(test.heldOn, c.locale)}
                </dd>
              </dl>
            </>
          ) : null
        }
        form={
          editable ? (
            <TestForm
              t={t}
              csrf={c.csrf}
              action={test ? `${base(office)}/uji/${test.id}` : `${base(office)}/uji`}
              errors={opts.errors ?? {}}
              values={
                opts.values ??
                (test
                  ? testValues(test)
                  : {
                      heldOn: new Date(ctx.clock.now()).toISOString().slice(0, 10),
                      closed: 'CLOSED',
                      whole: 'WHOLE',
                      ...prefill(req.query),
                    })
              }
              archive={archive}
              requests={requestOptions}
            />
          ) : null
        }
      />,
      opts.status ?? 200,
    );
  };

  // --- decrees and entries -----------------------------------------------------------------
  const renderDecree = async (
    req: FastifyRequest,
    reply: FastifyReply,
    decree: ExemptionDecree | undefined,
    opts: {
      errors?: Errors;
      values?: Values;
      entryErrors?: Errors;
      entryValues?: Values;
      approvalErrors?: Errors;
      importErrors?: Errors;
      status?: number;
    } = {},
  ) => {
    const office = officeOf(req);
    const c = pageCtx(req, reply);
    const { t } = c;
    const tests = (await listTests(ctx.db, office.id)).map((x) => ({
      id: x.id,
      label: `${testLabel(x)} [${t(`exemptions.testStatus.${x.status}`)}]`,
    }));
    const editable = !decree || decree.status === 'DRAFT' || decree.status === 'RETURNED';
    const canManage = canExemptions.manageExemptions(req.actor, office);
    const canCollect = canExemptions.collectExemptions(req.actor, office);
    const [entries, history, reachDown] = await Promise.all([
      decree ? listDecreeEntries(ctx.db, office.id, decree.id) : Promise.resolve([]),
      decree ? listApprovals(ctx.db, office.id, 'DECREE', decree.id) : Promise.resolve([]),
      mayReachDown(ctx.db, office),
    ]);
    const turn = decree ? myTurn(req, office, decree) : null;
    const title = decree ? `${t('exemptions.decree.title')} ${decree.number}` : t('exemptions.decree.new');
    const L = exemptionLabels(t);
    const dik = dikColumns<ExemptionEntry>(t, c.locale);
    const decreeValues: Values | undefined = decree ? { ...decree, testIds: decree.testIds } : undefined;
    return sendPage(
      reply,
      <SubjectPage
        c={c}
        office={office}
        path="keputusan"
        title={title}
        found={decree}
        history={history}
        turn={turn}
        approvalErrors={opts.approvalErrors ?? {}}
        canSubmit={editable && canManage}
        editTitle={t('exemptions.decree.edit')}
        details={
          decree ? (
            <>
              <p>
                <span class="badge">{t(`exemptions.decreeStatus.${decree.status}`)}</span> ·{' '}
                {t(`exemptions.reach.${decree.reach}`)} ·{' '}
                <a href={`${base(office)}/keputusan/${decree.id}/keputusan.pdf`}>
                  {t('exemptions.decree.pdf')}
                </a>
              </p>
              <p>{decree.title}</p>
              {decree.revokeReason ? (
                <p class="notice">{t('exemptions.decree.revokedBecause', { reason: decree.revokeReason })}</p>
              ) : null}
              <section>
                <h2>{t('exemptions.entry.list', { n: entries.length })}</h2>
                {entries.length === 0 ? (
                  <p class="muted">{t('exemptions.entry.none')}</p>
                ) : (
                  <DataTable
                    t={t}
                    tableClass="striped"
                    rows={entries}
                    columns={[
                      { label: t('exemptions.col.information'), cell: (e) => e.information },
                      dik.legalBasis,
                      dik.consideration,
                      dik.closed,
                      dik.period,
                      dik.status,
                      editable &&
                        canCollect && {
                          label: t('exemptions.col.actions'),
                          cell: (e) => (
                            <ActionButton
                              action={`${base(office)}/keputusan/${decree.id}/entri/${e.id}/hapus`}
                              csrf={c.csrf}
                              label={t('exemptions.entry.remove')}
                              variant="secondary"
                              confirm={t('exemptions.entry.removeConfirm')}
                            />
                          ),
                        },
                    ]}
                  />
                )}
              </section>
              {editable && canCollect ? (
                <section>
                  <h2>{t('exemptions.entry.add')}</h2>
                  <EntryForm
                    t={t}
                    csrf={c.csrf}
                    action={`${base(office)}/keputusan/${decree.id}/entri`}
                    errors={opts.entryErrors ?? {}}
                    values={opts.entryValues ?? { whole: 'WHOLE' }}
                    tests={tests}
                  />
                  <h3>{t('exemptions.import.title')}</h3>
                  <p>{t('exemptions.import.lead')}</p>
                  <ErrorSummary
                    t={t}
                    errors={opts.importErrors ?? {}}
                    labels={importLabels(t, opts.importErrors ?? {}, L)}
                  />
                  <form
                    method="post"
                    action={`${base(office)}/keputusan/${decree.id}/impor`}
                    enctype="multipart/form-data"
                  >
                    <Csrf token={c.csrf} />
                    <FileField
                      name="file"
                      label={L.file!}
                      accept=".xlsx,.csv"
                      errors={opts.importErrors ?? {}}
                      required
                    />
                    <button type="submit" class="secondary">
                      {t('exemptions.import.submit')}
                    </button>
                  </form>
                </section>
              ) : null}
            </>
          ) : null
        }
        after={
          decree ? (
            <>
              {decree.status === 'ACTIVE' && canManage ? (
                <section>
                  <h2>{t('exemptions.decree.revoke')}</h2>
                  <form method="post" action={`${base(office)}/keputusan/${decree.id}/cabut`}>
                    <Csrf token={c.csrf} />
                    <TextArea
                      name="reason"
                      label={L.reason!}
                      errors={opts.errors ?? {}}
                      values={{}}
                      rows={2}
                      required
                    />
                    <button
                      type="submit"
                      class="secondary danger"
                      data-confirm={t('exemptions.decree.revokeConfirm')}
                    >
                      {t('exemptions.decree.revoke')}
                    </button>
                  </form>
                </section>
              ) : null}
            </>
          ) : null
        }
        form={
          editable && canManage ? (
            <DecreeForm
              t={t}
              csrf={c.csrf}
              action={decree ? `${base(office)}/keputusan/${decree.id}` : `${base(office)}/keputusan`}
              errors={opts.errors ?? {}}
              values={
                opts.values ??
                decreeValues ?? {
                  reach: 'OFFICE',
                  decreeDate: new Date(ctx.clock.now()).toISOString().slice(0, 10),
                }
              }
              tests={tests}
              mayReachDown={reachDown}
            />
          ) : null
        }
      />,
      opts.status ?? 200,
    );
  };

  /**
   * The routes a consequence test and a decree share: the new form, create, show, update,
   * submit for approval, and the approval step of the role whose turn it is.
   */
  const subjectRoutes = <S extends { id: string }>(o: {
    subject: ApprovalSubject;
    path: string;
    find: (officeId: string, id: string) => Promise<S | undefined>;
    render: (
      req: FastifyRequest,
      reply: FastifyReply,
      found: S | undefined,
      opts?: { errors?: Errors; values?: Values; approvalErrors?: Errors; status?: number },
    ) => Promise<FastifyReply>;
    save: (req: FastifyRequest, data: Values, id?: string) => Promise<S>;
    savedKey: string;
  }) => {
    const at = `/staff/:office/informasi-dikecualikan/${o.path}`;
    const page = (req: FastifyRequest, id: string) => `${base(officeOf(req))}/${o.path}/${id}`;
    const load = async (req: FastifyRequest<{ Params: { id: string } }>) => {
      const found = await o.find(officeOf(req).id, uuidParam(req.params.id));
      if (!found) throw AppError.notFound();
      return found;
    };
    staff.get(`${at}/baru`, 'manageExemptions', (req, reply) => o.render(req, reply, undefined));
    staff.post(at, 'manageExemptions', async (req, reply) => {
      const { fields } = await readForm(req);
      return saveForm(
        req,
        reply,
        () => o.save(req, fields),
        (errors, status) => o.render(req, reply, undefined, { errors, values: fields, status }),
        (saved) => ({ key: o.savedKey, to: page(req, saved.id) }),
      );
    });
    staff.get<{ Params: { id: string } }>(`${at}/:id`, 'viewExemptions', async (req, reply) =>
      o.render(req, reply, await load(req)),
    );
    staff.post<{ Params: { id: string } }>(`${at}/:id`, 'manageExemptions', async (req, reply) => {
      const found = await load(req);
      const { fields } = await readForm(req);
      return saveForm(
        req,
        reply,
        () => o.save(req, fields, found.id),
        (errors, status) => o.render(req, reply, found, { errors, values: fields, status }),
        () => ({ key: o.savedKey, to: page(req, found.id) }),
      );
    });
    staff.post<{ Params: { id: string } }>(
      `${at}/:id/ajukan`,
      'manageExemptions',
      async (req, reply, office) => {
        const found = await load(req);
        return step(
          req,
          reply,
          page(req, found.id),
          () => submitForApproval(ctx, req.actor, { officeId: office.id, subject: o.subject, id: found.id }),
          'exemptions.flash.submitted',
        );
      },
    );
    staff.post<{ Params: { id: string } }>(
      `${at}/:id/persetujuan`,
      'approveExemptions',
      async (req, reply, office) => {
        const id = uuidParam(req.params.id);
        const { fields } = await readForm(req);
        return saveForm(
          req,
          reply,
          () => decideApproval(ctx, req.actor, { officeId: office.id, subject: o.subject, id, data: fields }),
          async (errors, status) => o.render(req, reply, await load(req), { approvalErrors: errors, status }),
          (r) => ({
            key: `exemptions.flash.${one(fields, 'decision') === 'RETURNED' ? 'returned' : r.status === 'IN_APPROVAL' ? 'approvedStep' : 'approvedAll'}`,
            to: page(req, id),
          }),
        );
      },
    );
    return load;
  };
  const loadTest = subjectRoutes({
    subject: 'TEST',
    path: 'uji',
    find: (officeId, id) => findTest(ctx.db, officeId, id),
    render: renderTest,
    save: (req, data, testId) =>
      saveConsequenceTest(ctx, req.actor, { officeId: officeOf(req).id, testId, data }),
    savedKey: 'exemptions.flash.testSaved',
  });
  const loadDecree = subjectRoutes({
    subject: 'DECREE',
    path: 'keputusan',
    find: (officeId, id) => findDecree(ctx.db, officeId, id),
    render: renderDecree,
    save: (req, data, decreeId) => saveDecree(ctx, req.actor, { officeId: officeOf(req).id, decreeId, data }),
    savedKey: 'exemptions.flash.decreeSaved',
  });
  staff.get<{ Params: { id: string } }>(
    '/staff/:office/informasi-dikecualikan/uji/:id/uji-konsekuensi.pdf',
    'viewExemptions',
    async (req, reply, office) => {
      const test = await loadTest(req);
      return sendPdf(
        reply,
        await renderTestPdfFor(ctx.db, office, test),
        `uji-konsekuensi-${test.heldOn}.pdf`,
      );
    },
  );

  staff.post<{ Params: { id: string } }>(
    '/staff/:office/informasi-dikecualikan/keputusan/:id/entri',
    'collectExemptions',
    async (req, reply, office) => {
      const decree = await loadDecree(req);
      const { fields } = await readForm(req);
      return saveForm(
        req,
        reply,
        () => saveExemptionEntry(ctx, req.actor, { officeId: office.id, decreeId: decree.id, data: fields }),
        (errors, status) =>
          renderDecree(req, reply, decree, { entryErrors: errors, entryValues: fields, status }),
        () => ({ key: 'exemptions.flash.entryAdded', to: `${base(office)}/keputusan/${decree.id}` }),
      );
    },
  );
  staff.post<{ Params: { id: string; entryId: string } }>(
    '/staff/:office/informasi-dikecualikan/keputusan/:id/entri/:entryId/hapus',
    'collectExemptions',
    async (req, reply, office) => {
      const decree = await loadDecree(req);
      const entryId = uuidParam(req.params.entryId);
      return step(
        req,
        reply,
        `${base(office)}/keputusan/${decree.id}`,
        () => removeExemptionEntry(ctx, req.actor, { officeId: office.id, decreeId: decree.id, entryId }),
        'exemptions.flash.entryRemoved',
      );
    },
  );
  staff.post<{ Params: { id: string } }>(
    '/staff/:office/informasi-dikecualikan/keputusan/:id/impor',
    'collectExemptions',
    async (req, reply, office) => {
      const decree = await loadDecree(req);
      const form = await readForm(req);
      const file = form.files.file?.[0];
      return saveForm(
        req,
        reply,
        () =>
          importExemptionEntries(ctx, req.actor, {
            officeId: office.id,
            decreeId: decree.id,
            file: file ? { filename: file.filename, bytes: file.bytes } : null,
          }),
        (errors, status) => renderDecree(req, reply, decree, { importErrors: errors, status }),
        (r) => ({
          key: 'exemptions.flash.imported',
          params: { n: r.imported },
          to: `${base(office)}/keputusan/${decree.id}`,
        }),
      );
    },
  );
  staff.post<{ Params: { id: string } }>(
    '/staff/:office/informasi-dikecualikan/keputusan/:id/cabut',
    'manageExemptions',
    async (req, reply, office) => {
      const decree = await loadDecree(req);
      const { fields } = await readForm(req);
      return saveForm(
        req,
        reply,
        () => revokeDecree(ctx, req.actor, { officeId: office.id, decreeId: decree.id, data: fields }),
        (errors, status) => renderDecree(req, reply, decree, { errors, status }),
        () => ({ key: 'exemptions.flash.revoked', to: `${base(office)}/keputusan/${decree.id}` }),
      );
    },
  );
  staff.get<{ Params: { id: string } }>(
    '/staff/:office/informasi-dikecualikan/keputusan/:id/keputusan.pdf',
    'viewExemptions',
    async (req, reply, office) => {
      const decree = await loadDecree(req);
      return sendPdf(reply, await renderDecreePdfFor(ctx.db, office, decree), `keputusan-dik.pdf`);
    },
  );
}
