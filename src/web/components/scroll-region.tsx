import type { Child } from 'hono/jsx';

/** A wide table that scrolls sideways on small screens; focusable so keyboard users can scroll it
 * too (WCAG 2.1.1, axe rule scrollable-region-focusable). */
export const ScrollRegion = (props: { label: string; children: Child }) => (
  <div class="table--responsive-scroll" tabindex={0} role="region" aria-label={props.label}>
    {props.children}
  </div>
);
