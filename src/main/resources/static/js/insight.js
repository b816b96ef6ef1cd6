// The dashboard's charts (ECharts). Each chart's data comes as JSON in its data-chart attribute (no inline script:
// the Content-Security-Policy forbids it); a bar that stands for tasks opens the ledger with the same filter.
// Its "data table" button is rectify.js's [data-table-toggle].
(function () {
  if (typeof echarts === 'undefined') { return; }

  function stacked(data) {
    var category = {type: 'category', data: data.labels, inverse: data.horizontal,
      axisLabel: {width: 140, overflow: 'truncate'}};
    var value = {type: 'value', minInterval: 1};
    return {
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 0, type: 'scroll'}, // one line however narrow (a phone): a wrapped legend ran into the plot
      grid: {left: 8, right: 16, top: 32, bottom: 8, containLabel: true},
      xAxis: data.horizontal ? value : category,
      yAxis: data.horizontal ? category : value,
      series: data.series.map(function (s) {
        return {name: s.name, type: 'bar', stack: 'all', data: s.values, itemStyle: {color: s.color}, barMaxWidth: 26,
          cursor: s.links ? 'pointer' : 'default'};
      })
    };
  }

  function line(data) {
    return {
      tooltip: {trigger: 'axis'},
      legend: {top: 0, type: 'scroll'}, // one line however narrow (a phone): a wrapped legend ran into the plot
      grid: {left: 8, right: 16, top: 32, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: data.labels, boundaryGap: false},
      yAxis: {type: 'value', minInterval: 1},
      series: data.series.map(function (s) {
        return {name: s.name, type: 'line', data: s.values, itemStyle: {color: s.color}, areaStyle: {opacity: 0.08}, symbolSize: 5};
      })
    };
  }

  function heatmap(data) {
    return {
      tooltip: {formatter: function (p) { return data.rows[p.value[1]] + ' · ' + data.labels[p.value[0]] + ': ' + Math.round(p.value[2] * 100) + '%'; }},
      grid: {left: 8, right: 16, top: 8, bottom: 56, containLabel: true},
      xAxis: {type: 'category', data: data.labels, splitArea: {show: true}},
      yAxis: {type: 'category', data: data.rows, inverse: true, axisLabel: {width: 140, overflow: 'truncate'}},
      visualMap: {min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: {color: ['#c0392b', '#f5d76e', '#2e9e5b']}, text: ['100%', '0%']},
      series: [{type: 'heatmap', data: data.cells, label: {show: false}}]
    };
  }

  var kinds = {stacked: stacked, line: line, heatmap: heatmap};
  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var data = JSON.parse(el.dataset.chart);
    var chart = echarts.init(el);
    var option = kinds[data.kind](data);
    option.animation = false; // drawn at once: screenshots and printing see the finished chart
    chart.setOption(option);
    chart.on('click', function (p) {
      var s = data.series && data.series[p.seriesIndex];
      if (s && s.links && s.links[p.dataIndex]) { window.location.href = s.links[p.dataIndex]; }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
