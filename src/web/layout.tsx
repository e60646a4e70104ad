// The page shell: DKFDS (virk.dk theme) header with solution name, navigation, the user's name and
// organisation, a language switch, a skip link and the footer. Every page is rendered inside it.
import type { Child } from 'hono/jsx';
import { hasRole } from '../domain/actor.ts';
import { Icon } from './components/icon.tsx';
import type { PageContext } from './context.ts';
import type { MessageKey } from './i18n/index.ts';
import { CSRF_FIELD } from './security.ts';

interface NavItem {
  href: string;
  key: MessageKey;
  /** The path prefix the item stands for, when wider than its own page (Økonomi's pages). */
  section?: string;
  visible: (ctx: PageContext) => boolean;
}

/** Main navigation. Features add their entry here, in the order users work. */
export const navigation: NavItem[] = [
  { href: '/', key: 'nav.home', visible: (ctx) => ctx.actor !== null },
  { href: '/oekonomi/fordelingsnoegler', key: 'nav.allocations', section: '/oekonomi', visible: (ctx) => ctx.actor !== null },
  { href: '/virksomheder', key: 'nav.companies', visible: (ctx) => ctx.actor !== null },
  { href: '/forloeb', key: 'nav.courses', visible: (ctx) => ctx.actor !== null },
  { href: '/aktiviteter', key: 'nav.activities', visible: (ctx) => ctx.actor !== null },
  { href: '/henvisninger', key: 'nav.referrals', visible: (ctx) => ctx.actor !== null },
  { href: '/evaluering', key: 'nav.evaluation', visible: (ctx) => ctx.actor !== null },
  { href: '/kontrakter', key: 'nav.contracts', visible: (ctx) => ctx.actor !== null },
  { href: '/api-noegler', key: 'nav.apiTokens', visible: (ctx) => ctx.actor !== null },
  { href: '/admin', key: 'nav.admin', visible: (ctx) => ctx.actor !== null && hasRole(ctx.actor, 'admin') },
];

function isCurrent(item: NavItem, path: string): boolean {
  const prefix = item.section ?? item.href;
  return prefix === '/' ? path === '/' : path === prefix || path.startsWith(prefix + '/');
}

// htmx swaps in every answer, errors included: a form with errors (422) or an error page must show
// exactly what a user without JavaScript would see. No eval, no inline indicator styles (our CSP).
const htmxConfig = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  responseHandling: [
    { code: '204', swap: false },
    { code: '...', swap: true },
  ],
});

export const CsrfField = (props: { ctx: PageContext }) => <input type="hidden" name={CSRF_FIELD} value={props.ctx.csrfToken} />;

const LanguageSwitch = (props: { ctx: PageContext }) => {
  const other = props.ctx.locale === 'da' ? 'en' : 'da';
  return (
    <form method="post" action="/sprog" class="language-form">
      <CsrfField ctx={props.ctx} />
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="next" value={props.ctx.path} />
      <button type="submit" class="function-link" lang={other} aria-label={`${props.ctx.t('language.label')}: ${props.ctx.t('language.switchTo')}`}>
        <Icon name="language" />
        {props.ctx.t('language.switchTo')}
      </button>
    </form>
  );
};

// The unread count is counted once per page request (notifications.routes.tsx, unreadNotificationCount).
const NotificationLink = (props: { ctx: PageContext }) => {
  const unread = props.ctx.unreadNotifications;
  return (
    <a href="/notifikationer" class="function-link notification-link" data-testid="notification-link">
      {props.ctx.t('header.notifications')}
      {unread ? (
        <>
          {` (${unread}`}
          <span class="sr-only"> {props.ctx.t('header.notificationsUnread')}</span>)
        </>
      ) : null}
    </a>
  );
};

const PortalUser = (props: { ctx: PageContext }) => {
  const { ctx } = props;
  return (
    <div class="portal-user">
      <LanguageSwitch ctx={ctx} />
      {ctx.actor ? (
        <>
          <p class="user" data-testid="current-user">
            {ctx.actor.name}, {ctx.actor.organisationName}
          </p>
          <NotificationLink ctx={ctx} />
          <form method="post" action="/log-af">
            <CsrfField ctx={ctx} />
            <button type="submit" class="function-link log-off">
              <Icon name="lock" />
              {ctx.t('header.logout')}
            </button>
          </form>
        </>
      ) : null}
    </div>
  );
};

export interface PageProps {
  ctx: PageContext;
  title: string;
  children?: Child;
  /** Breadcrumb trail above the heading, last item is the current page. */
  breadcrumbs?: { href?: string; label: string }[];
  /** Wider layout for tables; default is a readable column. */
  wide?: boolean;
}

export const Page = (props: PageProps) => {
  const { ctx } = props;
  const items = navigation.filter((item) => item.visible(ctx));
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={htmxConfig} />
        <title>{`${props.title} – ${ctx.t('app.name')}`}</title>
        <link rel="stylesheet" href="/static/dkfds/css/dkfds-virkdk.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <script src="/static/htmx/htmx.min.js" defer></script>
        <script src="/static/dkfds/js/dkfds.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body hx-headers={JSON.stringify({ 'X-CSRF-Token': ctx.csrfToken })}>
        <a class="skipnav" href="#main-content">
          {ctx.t('skip.link')}
        </a>
        <header class="header">
          <div class="portal-info">
            <div class="portal-info-inner container">
              <a href="/" class="logo" aria-label={`${ctx.t('app.name')} – ${ctx.t('nav.home')}`}>
                <span>{ctx.t('app.name')}</span>
              </a>
              <PortalUser ctx={ctx} />
            </div>
          </div>
          <div class="solution-info">
            <div class="solution-info-inner container">
              <div class="solution-heading">
                <a href="/">{ctx.t('app.name')}</a>
              </div>
              <div class="additional-info">
                <p>
                  <strong class="authority-name">{ctx.actor ? ctx.actor.organisationName : ctx.t('app.tagline')}</strong>
                </p>
                {ctx.actor ? <p>{ctx.t('app.tagline')}</p> : null}
              </div>
            </div>
          </div>
          {items.length > 0 ? (
            <div class="navigation-menu">
              <div class="navigation-menu-inner container">
                <nav class="nav" aria-label={ctx.t('nav.label')}>
                  <ul class="mainmenu">
                    {items.map((item) => {
                      const current = isCurrent(item, ctx.path);
                      return (
                        <li class={current ? 'active current' : undefined}>
                          <a href={item.href} class="nav-link" aria-current={current ? 'page' : undefined}>
                            <span>{ctx.t(item.key)}</span>
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
              </div>
            </div>
          ) : null}
        </header>
        {ctx.isDemo ? (
          <div class="demo-banner" role="note">
            <div class="container">{ctx.t('demo.banner')}</div>
          </div>
        ) : null}
        <div class="container page-container">
          <main id="main-content" class={props.wide ? 'main-wide' : 'main-narrow'} tabindex={-1}>
            {props.breadcrumbs && props.breadcrumbs.length > 0 ? (
              <nav aria-label="Brødkrumme" class="breadcrumbs">
                <ol class="breadcrumbs__list">
                  {props.breadcrumbs.map((crumb, index) =>
                    crumb.href ? (
                      <li class="breadcrumbs__list-item">
                        {index > 0 ? <Icon name="chevron-right" /> : null}
                        <a href={crumb.href} class="breadcrumbs__link">
                          {crumb.label}
                        </a>
                      </li>
                    ) : (
                      <li class="breadcrumbs__list-item" aria-current="page">
                        {index > 0 ? <Icon name="chevron-right" /> : null}
                        {crumb.label}
                      </li>
                    ),
                  )}
                </ol>
              </nav>
            ) : null}
            {props.children}
          </main>
        </div>
        <footer>
          <div class="footer">
            <div class="container">
              <ul class="align-text-left unstyled-list inline-list">
                <li>{ctx.t('app.name')} – {ctx.t('app.tagline')}</li>
                <li>
                  <a href="/api/v1/docs" class="function-link">
                    {ctx.t('nav.apiDocs')}
                  </a>
                </li>
              </ul>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
};
