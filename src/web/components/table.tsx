import type { Child } from 'hono/jsx';

/** A DKFDS table with its caption (visible, or for screen readers only) and column headers. */
export const Table = (props: { caption: string; hideCaption?: boolean; columns: string[]; compact?: boolean; children?: Child }) => (
  <table class={`table table--zebra${props.compact ? ' table--compact' : ''}`}>
    <caption class={props.hideCaption ? 'sr-only' : undefined}>{props.caption}</caption>
    <thead>
      <tr>
        {props.columns.map((column) => (
          <th scope="col">{column}</th>
        ))}
      </tr>
    </thead>
    <tbody>{props.children}</tbody>
  </table>
);
