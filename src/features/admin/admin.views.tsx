import type { PageContext } from '../../web/context.ts';
import type { MessageKey } from '../../web/i18n/index.ts';
import { Page } from '../../web/layout.tsx';

export const adminSections: { href: string; key: MessageKey }[] = [
  { href: '/admin/organisationer', key: 'admin.organisations' },
  { href: '/admin/brugere', key: 'admin.users' },
  { href: '/admin/kommuner', key: 'admin.municipalities' },
  { href: '/admin/cvr-import', key: 'admin.cvrImport' },
  { href: '/admin/revisionslog', key: 'admin.audit' },
  { href: '/admin/e-mail', key: 'admin.outbox' },
  { href: '/admin/job', key: 'admin.jobs' },
];

export const AdminPage = (props: { ctx: PageContext }) => (
  <Page ctx={props.ctx} title={props.ctx.t('admin.title')}>
    <h1>{props.ctx.t('admin.title')}</h1>
    <ul class="nobullet-list">
      {adminSections.map((section) => (
        <li class="mb-4">
          <a href={section.href} class="function-link">
            {props.ctx.t(section.key)}
          </a>
        </li>
      ))}
    </ul>
  </Page>
);

/** Breadcrumbs for a page under Administration. */
export function adminCrumbs(ctx: PageContext, ...rest: { href?: string; label: string }[]) {
  return [{ href: '/', label: ctx.t('nav.home') }, { href: '/admin', label: ctx.t('admin.title') }, ...rest];
}
