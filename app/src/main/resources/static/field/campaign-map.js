// A campaign's area coloured by coverage (share of the target children reached), drawn as the assessment
// monitoring map is: echarts over Tonkla's own /geo boundaries, so it works offline. District level: the bundled
// boundaries go no finer than districts.
(document.fonts ? document.fonts.ready : Promise.resolve()).then(function () {
  var source = document.getElementById('coverage-data');
  var box = document.getElementById('coverage-map');
  if (!source || !box || typeof echarts === 'undefined') return;
  var d = JSON.parse(source.textContent);
  var wanted = {};
  d.districts.forEach(function (x) { wanted[x.code] = x; });
  fetch(d.districtsFile).then(function (r) { return r.json(); }).then(function (geo) {
    geo = { type: 'FeatureCollection', features: geo.features.filter(function (f) {
      return f.properties.ADM1_PCODE === 'TH' + d.province; }) };
    geo.features.forEach(function (f) { f.properties.name = f.properties.ADM2_PCODE; });
    echarts.registerMap('campaign', geo);
    echarts.init(box).setOption({
      textStyle: { fontFamily: "'Sarabun', 'Noto Sans Thai', sans-serif" },
      tooltip: { formatter: function (p) { return p.data ? p.data.value + '% (' + p.data.reached + '/' + p.data.target + ')' : ''; } },
      visualMap: { min: 0, max: 100, left: 0, bottom: 0, text: ['100%', '0%'], calculable: false,
                   inRange: { color: ['#fdecea', '#fff6e5', '#c8e6c9', '#2f7d32'] } },
      series: [{ type: 'map', map: 'campaign', roam: true, label: { show: false },
                 data: d.districts.map(function (x) { return { name: x.code, value: x.value, reached: x.reached, target: x.target }; }) }]
    });
  });
});
