// The reporting matrix: #by-unit opens the unit tab (a link can point at it).
document.addEventListener('DOMContentLoaded', function () {
  if (location.hash === '#by-unit' && window.bootstrap) {
    var tab = document.getElementById('tab-units');
    if (tab) { bootstrap.Tab.getOrCreateInstance(tab).show(); }
  }
});

