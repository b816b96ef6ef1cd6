// An indicator's values over time as a line, with its target as a dashed line. The values come from the chart
// element's data attributes (dates and values comma-separated, in order). Drawn on the indicators page and in the
// task page's indicator panel, which htmx loads after the page (hence the htmx:load listener).
(function () {
  if (typeof echarts === 'undefined') { return; }

  function draw(root) {
    root.querySelectorAll('.chart[data-values]').forEach(function (el) {
      if (echarts.getInstanceByDom(el)) { return; }
      var dates = el.dataset.dates.split(',');
      var values = el.dataset.values.split(',').map(parseFloat);
      var target = el.dataset.target === '' || el.dataset.target === undefined ? null : parseFloat(el.dataset.target);
      var all = target === null ? values.slice() : values.concat([target]);
      var lo = Math.min.apply(null, all), hi = Math.max.apply(null, all);
      var pad = Math.max((hi - lo) * 0.15, Math.abs(hi) * 0.02, 0.5);
      var option = {
        grid: {left: 8, right: 48, top: 24, bottom: 8, containLabel: true},
        tooltip: {trigger: 'axis'},
        xAxis: {type: 'category', data: dates, boundaryGap: dates.length < 2},
        yAxis: {type: 'value', min: Math.floor(lo - pad), max: Math.ceil(hi + pad)},
        series: [{type: 'line', data: values, symbolSize: 7, itemStyle: {color: '#a61b1b'},
          markLine: target !== null ? {symbol: 'none', lineStyle: {color: '#198754', type: 'dashed'},
            label: {position: 'insideEndTop', formatter: el.dataset.targetLabel + ' ' + target}, data: [{yAxis: target}]} : undefined}]
      };
      var chart = echarts.init(el);
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  draw(document);
  document.addEventListener('htmx:load', function (event) { draw(event.detail.elt); });
})();
