/** A DKFDS icon from the SVG sprite served with the design system. */
export const Icon = (props: { name: string; label?: string; class?: string }) => (
  <svg
    class={`icon-svg${props.class ? ` ${props.class}` : ''}`}
    focusable="false"
    {...(props.label ? { 'aria-label': props.label, role: 'img' } : { 'aria-hidden': 'true' })}
  >
    <use href={`/static/dkfds/img/all-svg-icons.svg#${props.name}`}></use>
  </svg>
);
