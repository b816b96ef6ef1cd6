// Shared behaviour of every page. No page has inline script or on* attributes (the Content-Security-Policy forbids
// them): a page's own script is a file under /js, and these data attributes cover the common cases.

// htmx requests carry the CSRF token that Spring Security expects on writes (pages and /api alike).
document.body.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// <form data-confirm="…">: asks before submitting.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.matches && form.matches('form[data-confirm]') && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// <select data-autosubmit>: choosing submits its form; data-autosubmit="reset-cycle" also clears the form's cycleId
// first (another plan has other cycles) and keeps the change from reaching htmx triggers on the form.
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('select[data-autosubmit]') || !select.form) {
    return;
  }
  if (select.dataset.autosubmit === 'reset-cycle') {
    event.stopPropagation();
    if (select.form.cycleId) {
      select.form.cycleId.value = '';
    }
  }
  select.form.submit();
}, true);
