// The indicator dashboard's chart (the indicator per part of the area, with the province's and the country's value
// as lines to compare with) and map (the parts coloured by the indicator), each downloadable as a PNG image.
// Boundaries come from Tonkla's own /geo files, so the map works offline.
(document.fonts ? document.fonts.ready : Promise.resolve()).then(function () {
  var source = document.getElementById('indicator-data');
  if (!source || typeof echarts === 'undefined') return;
  var d = JSON.parse(source.textContent);
  var text = { fontFamily: "'Sarabun', 'Noto Sans Thai', sans-serif" }; // canvas text needs the Thai web font by name

  function download(chart, suffix) {
    var a = document.createElement('a');
    a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    a.download = d.fileName + suffix + '.png';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  var chartBox = document.getElementById('indicator-chart');
  var chart = null;
  if (chartBox && d.parts.length > 0) {
    chartBox.style.height = Math.max(14, 2 + d.parts.length * 1.6) + 'rem';
    var narrow = chartBox.clientWidth < 480;
    chart = echarts.init(chartBox);
    chart.setOption({
      textStyle: text,
      title: { text: d.title, left: 0, textStyle: { fontSize: 14, fontFamily: text.fontFamily } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: text },
      // containLabel sizes the left margin to the area names; the percent name sits under the axis, where a phone
      // (360 px) has room for it, and a long name is shortened with an ellipsis rather than cut off.
      grid: { left: 8, right: 24, top: 40, bottom: 36, containLabel: true },
      xAxis: { type: 'value', name: d.percentLabel, nameLocation: 'middle', nameGap: 24, min: 0 },
      yAxis: { type: 'category', inverse: true, data: d.parts.map(function (p) { return p.name; }),
               axisLabel: { width: narrow ? 96 : 180, overflow: 'truncate', fontFamily: text.fontFamily } },
      series: [{ type: 'bar', color: '#2f6db5', name: d.percentLabel,
                 data: d.parts.map(function (p) { return p.value === '' ? null : p.value; }),
                 markLine: { symbol: 'none', label: { formatter: '{b}: {c}', fontFamily: text.fontFamily },
                             data: d.compare.map(function (c) { return { name: c.name, xAxis: c.value }; }) } }]
    });
    chartBox.dataset.ready = '1';
  }
  var chartButton = document.getElementById('chart-image');
  if (chartButton) {
    if (chart) chartButton.addEventListener('click', function () { download(chart, ''); });
    else chartButton.hidden = true;
  }

  var mapBox = document.getElementById('indicator-map');
  if (!mapBox || !d.mapLevel) return;
  window.tonklaAreaBoundaries(d)
    .then(function (b) {
      var geo = b.geo, areaNames = b.areaNames;
      echarts.registerMap('indicator-area', geo);
      var values = d.parts.filter(function (p) { return p.value !== ''; }).map(function (p) { return p.value; });
      var top = values.length ? Math.max.apply(null, values) : 100;
      var map = echarts.init(mapBox);
      map.setOption({
        textStyle: text,
        tooltip: { textStyle: text, formatter: function (p) {
          var name = (p.data && p.data.label) || areaNames[p.name] || p.name || '';
          if (!p.data || p.data.value == null) return echarts.format.encodeHTML(d.mapNone.replace('{0}', name));
          return echarts.format.encodeHTML(d.mapTip.replace('{0}', name).replace('{1}', p.data.value)
            .replace('{2}', p.data.numerator).replace('{3}', p.data.denominator));
        } },
        // The legend's ends carry their values (0 % and the highest), so the colours can be read on a phone too.
        visualMap: { min: 0, max: top, left: 0, bottom: 0, calculable: false, text: [top + ' %', '0 %'],
                     textStyle: text, itemHeight: mapBox.clientWidth < 480 ? 80 : 140,
                     inRange: { color: ['#e8f0fb', '#9dbbe3', '#2f6db5', '#17375e'] } },
        series: [{ type: 'map', map: 'indicator-area', roam: true, label: { show: false }, emphasis: { label: { show: false } },
                   data: d.parts.filter(function (p) { return p.value !== ''; }).map(function (p) {
                     return { name: 'TH' + p.code, value: p.value, label: p.name, numerator: p.numerator,
                              denominator: p.denominator };
                   }) }]
      });
      mapBox.dataset.ready = '1';
      var mapButton = document.getElementById('map-image');
      if (mapButton) mapButton.addEventListener('click', function () { download(map, '-map'); });
      map.on('click', function (p) {
        if (p.name) {
          var url = new URL(window.location.href);
          url.searchParams.set('area', p.name.substring(2));
          window.location = url.toString();
        }
      });
    });
});
