// The assessment monitoring dashboard: results per standard as stacked bars, and the map of the
// area's districts (or the country's provinces) coloured by the share of centers that submitted.
// Boundaries come from Tonkla's own /geo files, so the map works offline.
(document.fonts ? document.fonts.ready : Promise.resolve()).then(function () {
  var source = document.getElementById('monitoring-data');
  if (!source || typeof echarts === 'undefined') return;
  var d = JSON.parse(source.textContent);
  // Canvas text needs the Thai web font by name, once it has loaded.
  var text = { fontFamily: "'Sarabun', 'Noto Sans Thai', sans-serif" };
  var colours = ['#b71c1c', '#e0a100', '#7cb342', '#2f7d32'];

  var chartBox = document.getElementById('standards-chart');
  if (chartBox) {
    var names = d.standards.map(function (s) { return s.key === 'overall' ? d.overallLabel : d.standardWord + ' ' + s.key; });
    echarts.init(chartBox).setOption({
      textStyle: text,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: d.labels, bottom: 0 },
      grid: { left: 90, right: 20, top: 10, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true },
      series: d.labels.map(function (label, level) {
        return { name: label, type: 'bar', stack: 'levels', color: colours[level],
                 data: d.standards.map(function (s) { return s.levels[level]; }) };
      })
    });
  }

  // ECharts hands a region without data a bare item ({name} only), so "p.data ?" is not enough:
  // reading label and centers from it printed "undefined".
  function mapTip(p, areaNames) {
    var name = (p.data && p.data.label) || areaNames[p.name] || p.name || '';
    if (!p.data || p.data.centers == null) return echarts.format.encodeHTML(d.mapNone.replace('{0}', name));
    return echarts.format.encodeHTML(d.mapTip.replace('{0}', name).replace('{1}', p.data.value)
      .replace('{2}', p.data.centers));
  }

  var mapBox = document.getElementById('map');
  if (!mapBox || !d.mapLevel) return;
  window.tonklaAreaBoundaries(d)
    .then(function (b) {
      var geo = b.geo, areaNames = b.areaNames;
      // Areas with no center have no data item: the tooltip names them from the boundary file itself.
      echarts.registerMap('area', geo);
      var map = echarts.init(mapBox);
      map.setOption({
        textStyle: text,
        tooltip: { textStyle: text, formatter: function (p) { return mapTip(p, areaNames); } },
        visualMap: { min: 0, max: 100, left: 0, bottom: 0, text: ['100%', '0%'], calculable: false,
                     inRange: { color: ['#fdecea', '#fff6e5', '#c8e6c9', '#2f7d32'] } },
        series: [{ type: 'map', map: 'area', roam: true,
                   data: d.mapData.map(function (a) { return { name: a.code, value: a.value, label: a.name, centers: a.centers }; }),
                   label: { show: false }, emphasis: { label: { show: false } } }]
      });
      mapBox.dataset.ready = '1';
      map.on('click', function (p) {
        if (p.name) window.location = d.monitoringUrl + '?year=' + d.year + '&area=' + p.name.substring(2);
      });
    });
});
