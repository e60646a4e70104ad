import type { PageContext } from '../context.ts';

/**
 * Upload forms send their file through htmx when JavaScript is on, so the adviser sees how far the
 * upload has come and that the file is being checked (app.js updates the bar from htmx's progress
 * events); without JavaScript the form posts normally. Spread on the <form>.
 */
export function uploadFormAttributes(action: string) {
  return {
    'hx-post': action,
    'hx-encoding': 'multipart/form-data',
    'hx-target': '#main-content',
    'hx-select': '#main-content',
    'hx-swap': 'outerHTML',
    'hx-indicator': 'closest form',
  };
}

export const UploadProgress = (props: { ctx: PageContext }) => (
  <div class="upload-progress" data-upload-progress hidden>
    <label class="form-label" for="upload-progress-bar">
      {props.ctx.locale === 'en' ? 'Uploading and checking the file' : 'Sender og kontrollerer filen'}
    </label>
    <progress id="upload-progress-bar" max={100} value={0}></progress>
    <span class="upload-progress-text" aria-live="polite"></span>
  </div>
);
