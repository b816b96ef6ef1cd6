// The reporting matrix: a view tab (by task / by unit) is a link htmx follows; the filter form keeps the chosen view,
// so a change of filter stays on it.
document.addEventListener('click', function (e) {
  var tab = e.target.closest && e.target.closest('#matrix-views [data-view]');
  var view = document.getElementById('matrix-view');
  if (tab && view) {
    view.value = tab.getAttribute('data-view');
  }
});
