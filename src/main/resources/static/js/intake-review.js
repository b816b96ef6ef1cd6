// Reviewing an imported plan draft: cards and their source text point at each other; refused saves are shown.
(function () {
  // a refused save (409: someone else saved first; 422: a mistake) comes back as the card's form, to be shown
  document.addEventListener('htmx:beforeSwap', function (e) {
    var s = e.detail.xhr.status;
    if (s === 409 || s === 422) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  function scrollInto(panel, el) {
    if (!panel || !el) { return; }
    if (panel.scrollHeight > panel.clientHeight + 4) {
      var top = el.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop - 48;
      panel.scrollTo({top: Math.max(0, top), behavior: 'smooth'});
    } else {
      el.scrollIntoView({behavior: 'smooth', block: 'center'});
    }
  }
  function showSource(id) {
    document.querySelectorAll('mark.src-task.active').forEach(function (m) { m.classList.remove('active'); });
    var mark = document.getElementById('src-' + id);
    if (mark) {
      mark.classList.add('active');
      scrollInto(document.getElementById('source-panel'), mark);
    }
  }
  function showCard(id) {
    var card = document.getElementById('card-' + id);
    if (card) {
      scrollInto(document.getElementById('draft-panel'), card);
      card.classList.remove('flash');
      void card.offsetWidth;
      card.classList.add('flash');
    }
    showSource(id);
  }
  function markUnresolved() {
    document.querySelectorAll('.draft-card').forEach(function (card) {
      var mark = document.getElementById('src-' + card.dataset.card);
      if (mark) { mark.classList.toggle('unresolved-span', card.classList.contains('has-unresolved')); }
    });
  }
  document.addEventListener('click', function (e) {
    var link = e.target.closest('[data-card-link]');
    if (link) { e.preventDefault(); showCard(link.getAttribute('data-card-link')); return; }
    var b = e.target.closest('[data-source]');
    if (b) { showSource(b.getAttribute('data-source')); return; }
    var m = e.target.closest('mark.src-task');
    if (m) { showCard(m.getAttribute('data-card')); return; }
    var t = e.target.closest('.task-text');
    if (t) { t.classList.toggle('clamp'); return; }
    var clear = e.target.closest('.row-clear');
    if (clear) {
      var row = clear.closest('.editor-row');
      row.querySelectorAll('input:not([type=hidden])').forEach(function (i) { i.value = ''; });
      row.style.display = 'none';
    }
  });
  document.addEventListener('htmx:afterSettle', function (e) {
    markUnresolved();
    var card = e.target && e.target.closest ? e.target.closest('.draft-card.editing') : null;
    if (card) {
      showSource(card.getAttribute('data-card'));
      card.scrollIntoView({behavior: 'smooth', block: 'nearest'});
    }
  });
  markUnresolved();
  if (location.hash && location.hash.indexOf('#card-') === 0) {
    showCard(location.hash.substring(6));
  }
})();

