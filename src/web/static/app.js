// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // Move focus to the error summary after a failed submit, as DKFDS recommends.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  if (window.DKFDS && typeof window.DKFDS.init === 'function') window.DKFDS.init();
});

// Upload progress for forms marked with <UploadProgress> (see src/web/components/upload-progress.tsx).
document.addEventListener('htmx:xhr:progress', function (event) {
  var box = event.target.querySelector && event.target.querySelector('[data-upload-progress]');
  if (!box || !event.detail.lengthComputable) return;
  var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
  box.hidden = false;
  box.querySelector('progress').value = percent;
  box.querySelector('.upload-progress-text').textContent =
    percent < 100 ? percent + ' %' : document.documentElement.lang === 'en' ? 'Checking the file …' : 'Kontrollerer filen …';
});
