// The indicator dashboard's quarterly trend: one line per area (the area shown, its province, the country) over the
// last quarters, drawn like the bar chart beside it (same font, colours and PNG download).
(document.fonts ? document.fonts.ready : Promise.resolve()).then(function () {
  var source = document.getElementById('quarter-data');
  var box = document.getElementById('quarter-chart');
  if (!source || !box || typeof echarts === 'undefined') return;
  var d = JSON.parse(source.textContent);
  var text = { fontFamily: "'Sarabun', 'Noto Sans Thai', sans-serif" }; // canvas text needs the Thai web font by name
  var colours = ['#2f6db5', '#d9822b', '#6b7280'];
  var narrow = box.clientWidth < 600; // at 360 px the quarter names are turned and the title wraps
  box.style.height = narrow ? '22rem' : '18rem';
  box.style.marginTop = '1rem';
  var chart = echarts.init(box);
  chart.setOption({
    textStyle: text,
    color: colours,
    title: { text: d.title, left: 0, top: 4, textStyle: { fontSize: 14, lineHeight: 20, fontFamily: text.fontFamily,
                                                           width: box.clientWidth - 10, overflow: 'break' } },
    tooltip: { trigger: 'axis', textStyle: text },
    legend: { bottom: 0, textStyle: text },
    grid: { left: 50, right: 20, top: narrow ? 70 : 50, bottom: narrow ? 95 : 60 },
    xAxis: { type: 'category', data: d.quarters,
             axisLabel: { interval: 0, rotate: narrow ? 40 : 0, fontFamily: text.fontFamily } },
    yAxis: { type: 'value', name: d.percentLabel, min: 0 },
    series: d.series.map(function (s) {
      return { type: 'line', name: s.name, connectNulls: false, symbolSize: 6,
               data: s.values.map(function (v) { return v === '' ? null : v; }) };
    })
  });
  box.dataset.ready = '1';
  var button = document.getElementById('quarter-image');
  if (button) button.addEventListener('click', function () {
    var a = document.createElement('a');
    a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    a.download = d.fileName + '.png';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
});
