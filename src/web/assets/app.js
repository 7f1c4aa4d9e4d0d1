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
