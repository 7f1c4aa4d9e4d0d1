// Progressive enhancement only: every page works without this file.
// - Forms with data-confirm ask before submitting (revoke, delete, reset).
// - The office switcher changes office as soon as another one is chosen.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const submitter = event.submitter;
  const message = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});
document.addEventListener('change', (event) => {
  const select = event.target;
  if (select instanceof HTMLSelectElement && select.closest('form.office-switcher')) select.form.submit();
});
// - The server's messages (Indonesian or English, naming the field) are the ones shown: no
//   browser-language native validation bubbles on any form.
// - After a failed submit the page comes back with an error summary: focus moves to it, so a
//   screen reader reads it and a phone scrolls to it.
for (const form of document.querySelectorAll('form')) form.noValidate = true;
const errorSummary = document.querySelector('.error-summary');
if (errorSummary instanceof HTMLElement) errorSummary.focus();
// - Copy and share buttons (the request number and tracking code): shown only where the
//   browser can do it.
for (const button of document.querySelectorAll('button[data-copy]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(button.dataset.copy).then(() => {
      const status = button.parentElement && button.parentElement.querySelector('.copy-status');
      if (status) status.textContent = button.dataset.copied || '';
    });
  });
}
for (const button of document.querySelectorAll('button[data-share-text]')) {
  if (!navigator.share) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    const url = new URL(button.dataset.shareUrl || '/', window.location.href).toString();
    navigator
      .share({ title: button.dataset.shareTitle, text: button.dataset.shareText, url })
      .catch(() => {});
  });
}
