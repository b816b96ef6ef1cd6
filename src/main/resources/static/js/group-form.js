// The unit group form: counts the chosen members, toggles a section, filters units by name.
(function () {
  var form = document.getElementById('group-form');
  if (!form) { return; }
  var boxes = function () { return form.querySelectorAll('input[name="memberIds"]'); };
  var count = function () {
    document.getElementById('selected-count').textContent =
        Array.prototype.filter.call(boxes(), function (b) { return b.checked; }).length;
  };
  form.addEventListener('change', count);
  form.querySelectorAll('.toggle-section').forEach(function (button) {
    button.addEventListener('click', function () {
      var section = button.closest('.picker-section');
      var visible = Array.prototype.filter.call(section.querySelectorAll('input[name="memberIds"]'),
          function (b) { return !b.closest('.form-check').classList.contains('filtered-out'); });
      var all = visible.every(function (b) { return b.checked; });
      visible.forEach(function (b) { b.checked = !all; });
      count();
    });
  });
  document.getElementById('member-filter').addEventListener('input', function (event) {
    var q = event.target.value.trim();
    form.querySelectorAll('.picker-section').forEach(function (section) {
      var shown = 0;
      section.querySelectorAll('.form-check').forEach(function (item) {
        var hit = !q || item.textContent.indexOf(q) >= 0;
        item.classList.toggle('filtered-out', !hit);
        shown += hit ? 1 : 0;
      });
      section.style.display = shown ? '' : 'none';
    });
  });
})();

