import type { PageContext } from '../context.ts';

/** Previous/next links that keep the current filters (query string) and change only `side`. */
export const Pagination = (props: { ctx: PageContext; page: number; pageSize: number; total: number; url: URL }) => {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const link = (page: number) => {
    const url = new URL(props.url);
    url.searchParams.set('side', String(page));
    return `${url.pathname}?${url.searchParams.toString()}`;
  };
  return (
    <nav class="pagination" aria-label="Sider">
      <ul class="pagination__items">
        {props.page > 1 ? (
          <li class="pagination-item">
            <a href={link(props.page - 1)} class="button button-secondary">
              {props.ctx.t('common.previous')}
            </a>
          </li>
        ) : null}
        <li class="pagination-item pagination-number">{props.ctx.t('common.page', { page: props.page, pages })}</li>
        {props.page < pages ? (
          <li class="pagination-item">
            <a href={link(props.page + 1)} class="button button-secondary">
              {props.ctx.t('common.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
};
