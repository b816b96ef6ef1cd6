// The ledger's filters on a phone fold behind the 筛选 button (Bootstrap's collapse; on wide screens the form always
// shows). The button says what is chosen, in the page's words, so a folded filter never hides why the list is short.
(function () {
  var form = document.getElementById('ledger-filter');
  var summary = document.getElementById('ledger-filter-summary');
  if (!form || !summary) {
    return;
  }
  var words = summary.dataset;
  var ordering = ['sort', 'desc', 'size']; // how the list is shown, not which tasks are in it

  function labelOf(control) {
    var label = control.id && form.querySelector('label[for="' + control.id + '"]');
    return (label ? label.textContent : control.getAttribute('aria-label') || '').trim();
  }

  function describe() {
    var parts = [];
    var figure = form.querySelector('#ledger-figure .badge');
    if (figure) {
      parts.push(figure.textContent.trim());
    }
    form.querySelectorAll('input[type=search], input[type=date], select').forEach(function (control) {
      if (!control.value || ordering.indexOf(control.name) >= 0) {
        return;
      }
      var value = control.tagName === 'SELECT' ? control.selectedOptions[0].textContent.trim() : control.value.trim();
      if (value) {
        parts.push(labelOf(control) + words.colon + value);
      }
    });
    var statuses = Array.prototype.map.call(form.querySelectorAll('input[name=status]:checked'), labelOf);
    if (statuses.length) {
      var legend = form.querySelector('fieldset legend');
      parts.push((legend ? legend.textContent.trim() : '') + words.colon + statuses.join(words.or));
    }
    summary.textContent = parts.length ? parts.join(words.and) : words.none;
  }

  form.addEventListener('input', describe);
  form.addEventListener('change', describe);
  describe();
})();
