import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import { login } from '../../modules/people/login.ts';
import { changeOwnPassword } from '../../modules/people/manage-users.ts';
import { destroySession } from '../../modules/people/sessions.ts';
import { SESSION_COOKIE } from '../cookies.ts';
import { Csrf, ErrorSummary, TextField, type Errors } from '../shared/forms.tsx';
import { SimpleLayout, StaffLayout } from '../shared/layout.tsx';
import { readForm, one } from '../form-data.ts';
import { actorOffices, errorMap, pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { safeNext } from '../system/system-routes.ts';
import { staffGuard } from '../shared/guard.ts';

function LoginPage({
  ctx,
  next,
  email,
  error,
}: {
  ctx: PageCtx;
  next: string;
  email: string;
  error?: string;
}) {
  const { t } = ctx;
  return (
    <SimpleLayout ctx={ctx} title={t('login.title')}>
      <h1>{t('login.title')}</h1>
      <p>{t('login.lead')}</p>
      {error ? (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/staff/login">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="next" value={next} />
        <TextField
          name="email"
          type="email"
          label={t('field.email')}
          values={{ email }}
          required
          autocomplete="username"
        />
        <TextField
          name="password"
          type="password"
          label={t('field.password')}
          required
          autocomplete="current-password"
        />
        <button type="submit">{t('login.submit')}</button>
      </form>
    </SimpleLayout>
  );
}

function AccountPage({ ctx, errors }: { ctx: PageCtx; errors: Errors }) {
  const { t } = ctx;
  const user = ctx.user!;
  const labels = {
    currentPassword: t('field.currentPassword'),
    newPassword: t('field.newPassword'),
    confirmPassword: t('field.confirmPassword'),
  };
  return (
    <StaffLayout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      {user.mustChangePassword ? (
        <p class="notice notice-warning" role="alert">
          {t('account.mustChange')}
        </p>
      ) : null}
      <dl>
        <dt>{t('field.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('field.email')}</dt>
        <dd>{user.email}</dd>
        {user.lastLoginAt ? (
          <>
            <dt>{t('account.lastLogin')}</dt>
            <dd>{formatDateTime(user.lastLoginAt, ctx.locale, 'Asia/Jakarta')}</dd>
          </>
        ) : null}
      </dl>
      {ctx.actor.roles.length > 0 ? (
        <ul>
          {ctx.actor.roles.map((r) => (
            <li>
              {t(`role.${r.role}`)} — <a href={`/staff/${r.officeSlug}`}>{r.officeName}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('account.changePassword')}</h2>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/staff/akun/kata-sandi">
        <Csrf token={ctx.csrf} />
        <TextField
          name="currentPassword"
          type="password"
          label={labels.currentPassword}
          errors={errors}
          required
          autocomplete="current-password"
        />
        <TextField
          name="newPassword"
          type="password"
          label={labels.newPassword}
          hint={t('account.passwordHint')}
          errors={errors}
          required
          autocomplete="new-password"
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={labels.confirmPassword}
          errors={errors}
          required
          autocomplete="new-password"
        />
        <button type="submit">{t('account.changePassword')}</button>
      </form>
    </StaffLayout>
  );
}

function ChooseOfficePage({ ctx }: { ctx: PageCtx }) {
  const { t } = ctx;
  const offices = actorOffices(ctx.actor);
  return (
    <StaffLayout ctx={ctx} title={t('staff.chooseOffice')}>
      <h1>{t('staff.chooseOffice')}</h1>
      {offices.length === 0 ? (
        <p>{t('staff.noRoles')}</p>
      ) : (
        <ul>
          {offices.map((o) => (
            <li>
              <a href={`/staff/${o.officeSlug}`}>{o.officeName}</a>
            </li>
          ))}
        </ul>
      )}
    </StaffLayout>
  );
}

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, maxHours: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: maxHours * 3600,
  });
  void req;
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { services } = app;
  const ctx = { db: services.database.db, clock: services.clock };

  app.get<{ Querystring: { next?: string } }>('/staff/login', async (req, reply) => {
    if (req.user) return reply.redirect(safeNext(req.query.next, '/staff'));
    return sendPage(
      reply,
      <LoginPage ctx={pageCtx(req, reply)} next={safeNext(req.query.next, '/staff')} email="" />,
    );
  });

  app.post(
    '/staff/login',
    { config: { rateLimit: { max: services.config.loginAttemptsPerIp, timeWindow: '5 minutes' } } },
    async (req, reply) => {
      const { fields } = await readForm(req);
      const email = one(fields, 'email') ?? '';
      const next = safeNext(one(fields, 'next'), '/staff');
      try {
        const { token } = await login(
          ctx,
          { ...services.config.session, passwordHashCost: services.config.passwordHashCost },
          {
            email,
            password: one(fields, 'password') ?? '',
            ip: req.ip,
            userAgent: req.headers['user-agent'] ?? null,
          },
        );
        setSessionCookie(req, reply, token, services.config.session.maxHours);
        return reply.redirect(next);
      } catch (e) {
        if (
          !isAppError(e) ||
          (e.code !== 'UNAUTHENTICATED' && e.code !== 'LOCKED' && e.code !== 'RATE_LIMITED')
        )
          throw e;
        return sendPage(
          reply,
          <LoginPage ctx={pageCtx(req, reply)} next={next} email={email} error={req.t(e.key, e.params)} />,
          e.status,
        );
      }
    },
  );

  app.post('/staff/logout', async (req, reply) => {
    if (req.sessionToken) await destroySession(ctx.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    setFlash(reply, { kind: 'info', key: 'login.loggedOut' });
    return reply.redirect('/staff/login');
  });

  await app.register(async (scope) => {
    scope.addHook('preHandler', staffGuard);

    scope.get('/staff', { config: { permission: 'signedIn' } }, async (req, reply) => {
      const offices = actorOffices(req.actor);
      if (offices.length === 1) return reply.redirect(`/staff/${offices[0]!.officeSlug}`);
      return sendPage(reply, <ChooseOfficePage ctx={pageCtx(req, reply)} />);
    });

    scope.get<{ Querystring: { office?: string } }>(
      '/staff/kantor',
      { config: { permission: 'signedIn' } },
      async (req, reply) => {
        const slug = z
          .string()
          .regex(/^[a-z0-9-]{1,80}$/)
          .safeParse(req.query.office);
        return reply.redirect(slug.success ? `/staff/${slug.data}` : '/staff');
      },
    );

    scope.get('/staff/akun', { config: { permission: 'signedIn' } }, async (req, reply) =>
      sendPage(reply, <AccountPage ctx={pageCtx(req, reply)} errors={{}} />),
    );

    scope.post('/staff/akun/kata-sandi', { config: { permission: 'signedIn' } }, async (req, reply) => {
      const { fields } = await readForm(req);
      try {
        await changeOwnPassword(
          { ...ctx, passwordHashCost: services.config.passwordHashCost },
          req.actor,
          fields,
          req.sessionToken ?? undefined,
        );
      } catch (e) {
        if (isAppError(e) && e.code === 'VALIDATION') {
          return sendPage(
            reply,
            <AccountPage ctx={pageCtx(req, reply)} errors={errorMap(req.t, e.fields)} />,
            400,
          );
        }
        throw e;
      }
      setFlash(reply, { kind: 'success', key: 'account.passwordChanged' });
      return reply.redirect('/staff');
    });
  });
}
