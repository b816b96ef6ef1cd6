// The cadence form: custom dates show only for a custom cadence, the due day only for the others.
(function () {
  var form = document.getElementById('cadence-form');
  if (!form) { return; }
  function show() {
    var kind = (form.querySelector('input[name=kind]:checked') || {}).value;
    document.getElementById('custom-dates').style.display = kind === 'CUSTOM' ? '' : 'none';
    document.getElementById('due-day').style.display = kind === 'CUSTOM' ? 'none' : '';
  }
  form.addEventListener('change', show);
  show();
})();

