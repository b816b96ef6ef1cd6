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

// <select data-describe="ID">: the element ID reads the chosen option's title, a short option's whole wording (the
// report form's obligations, whose sentences are too long for a phone's drop-down).
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('select[data-describe]')) {
    return;
  }
  var line = document.getElementById(select.dataset.describe);
  var chosen = select.options[select.selectedIndex];
  if (line && chosen) {
    line.textContent = chosen.title;
  }
});

// The language switch keeps the page's filters: the link takes the address as it is now (htmx may have changed it
// since the page loaded) with only the language changed.
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('.lang-switch a[data-lang]') : null;
  if (!link) {
    return;
  }
  var url = new URL(window.location.href);
  url.searchParams.set('lang', link.dataset.lang);
  link.href = url.toString();
});

// <a data-export="xlsx">: the list as the page shows it now, filters included; <button data-print>: prints the page.
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target.closest('a[data-export], button[data-print]') : null;
  if (!target) {
    return;
  }
  if (target.matches('button[data-print]')) {
    window.print();
    return;
  }
  var url = new URL(window.location.href);
  url.searchParams.set('format', target.dataset.export);
  url.searchParams.delete('page');
  target.href = url.toString();
});

// <input type="checkbox" data-select-all="NAME">: ticks or clears every checkbox named NAME of the same form (the
// batch forms of the ledger and the to-do list); a box named NAME changed by hand updates the select-all box.
document.addEventListener('change', function (event) {
  var box = event.target;
  if (!box.matches || !box.matches('input[type=checkbox]')) {
    return;
  }
  var form = box.form ? box.form.id : null;
  var scope = form ? '[form="' + form + '"]' : '';
  if (box.dataset.selectAll) {
    document.querySelectorAll('input[type=checkbox][name="' + box.dataset.selectAll + '"]' + scope).forEach(function (b) {
      b.checked = box.checked;
    });
    return;
  }
  document.querySelectorAll('input[type=checkbox][data-select-all="' + box.name + '"]' + scope).forEach(function (all) {
    var boxes = document.querySelectorAll('input[type=checkbox][name="' + box.name + '"]' + scope);
    all.checked = Array.prototype.every.call(boxes, function (b) { return b.checked; });
  });
});

// <button data-table-toggle="ID">: shows a chart's numbers (the table ID, printed anyway) instead of the chart, and back;
// delegated, so that it works in panels htmx loads too (the dashboard's charts, the task page's indicators).
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-table-toggle]') : null;
  if (!button) {
    return;
  }
  var table = document.getElementById(button.dataset.tableToggle);
  if (!table) {
    return;
  }
  var chart = table.parentElement.querySelector('.chart');
  var showing = table.classList.toggle('d-none') === false;
  if (chart) { chart.classList.toggle('d-none', showing); }
  button.setAttribute('aria-expanded', showing ? 'true' : 'false');
});

// A tab bar wider than a phone scrolls inside itself (rectify.css): bring the page's own tab into view, else a page
// far along the bar (提醒记录, 通报) opens with its tab scrolled out of sight.
document.querySelectorAll('main .nav-tabs').forEach(function (tabs) {
  var active = tabs.querySelector('.nav-link.active');
  if (active && tabs.scrollWidth > tabs.clientWidth) {
    tabs.scrollLeft += active.getBoundingClientRect().left - tabs.getBoundingClientRect().left
        - (tabs.clientWidth - active.offsetWidth) / 2;
  }
});
