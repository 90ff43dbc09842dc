// Sends the CSRF token with every htmx request, so htmx forms work with CSRF protection on.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) event.detail.headers[header.content] = token.content;
});

// WHO growth charts on the record book: SD curves from the server, the child's points on top.
// Canvas text does not follow CSS: the charts name the Thai web font (self-hosted Sarabun) and are drawn
// only once it has loaded, or the browser falls back to a serif font for the Thai titles and legend.
document.addEventListener('DOMContentLoaded', function () {
  var holder = document.querySelector('[data-growth]');
  if (!holder || typeof echarts === 'undefined') return;
  var font = "Sarabun, 'Noto Sans Thai', sans-serif";
  var loaded = document.fonts
    ? Promise.all([document.fonts.load('400 14px Sarabun', 'ก'), document.fonts.load('700 15px Sarabun', 'ก')])
        .catch(function () {})
    : Promise.resolve();
  loaded.then(function () { drawGrowthCharts(holder, font); });
});

function drawGrowthCharts(holder, font) {
  var data = JSON.parse(holder.getAttribute('data-growth'));
  var colours = {'-3': '#b71c1c', '-2': '#e65100', '0': '#2f7d32', '2': '#e65100', '3': '#b71c1c'};
  holder.querySelectorAll('.chart').forEach(function (el) {
    var chart = data[el.dataset.indicator];
    if (!chart) return;
    // Highest line first, so the legend reads +3 SD … −3 SD from top to bottom of the chart (object keys
    // such as "-3" do not keep the server's order in JavaScript).
    var lines = Object.keys(chart.curves).sort(function (a, b) { return Number(b) - Number(a); });
    var series = lines.map(function (sd) {
      return {name: (Number(sd) > 0 ? '+' : Number(sd) < 0 ? '\u2212' : '') + Math.abs(Number(sd)) + ' SD', type: 'line',
        showSymbol: false, silent: true,
        lineStyle: {width: sd === '0' ? 2 : 1, color: colours[sd]}, itemStyle: {color: colours[sd]},
        data: chart.curves[sd]};
    });
    series.push({name: el.dataset.child, type: 'line', data: chart.points, symbolSize: 8,
      lineStyle: {color: '#1565c0'}, itemStyle: {color: '#1565c0'}});
    var byLength = el.dataset.indicator === 'wfh';
    echarts.init(el).setOption({
      title: {text: el.dataset.title, left: 'center', textStyle: {fontFamily: font, fontSize: 15}},
      textStyle: {fontFamily: font}, animation: false,
      tooltip: {trigger: 'item', textStyle: {fontFamily: font}},
      legend: {bottom: 0, data: series.map(function (s) { return s.name; }), textStyle: {fontFamily: font}},
      grid: {left: 50, right: 20, top: 40, bottom: 60},
      xAxis: {type: 'value', name: el.dataset.x, nameLocation: 'middle', nameGap: 25,
        min: byLength ? 'dataMin' : 0, max: 'dataMax', nameTextStyle: {fontFamily: font}, axisLabel: {fontFamily: font}},
      yAxis: {type: 'value', name: el.dataset.y, scale: true, nameTextStyle: {fontFamily: font}, axisLabel: {fontFamily: font}},
      series: series
    });
    el.dataset.legend = series.map(function (s) { return s.name; }).join('|');
    el.dataset.font = font;
  });
}

// Bulk entry on the class roster: a row is saved once, when focus leaves it after a change, so that
// weight and height typed one after the other go together and the row is not redrawn under the typist.
document.addEventListener('change', function (event) {
  var row = event.target.closest && event.target.closest('tr[data-roster-row]');
  if (row) row.dataset.dirty = '1';
});
document.addEventListener('focusout', function (event) {
  var row = event.target.closest && event.target.closest('tr[data-roster-row]');
  if (!row || row.dataset.dirty !== '1' || (event.relatedTarget && row.contains(event.relatedTarget))) return;
  delete row.dataset.dirty;
  htmx.trigger(row, 'row-save');
});

// Enter moves down to the same column of the next child; leaving the row saves it.
document.addEventListener('keydown', function (event) {
  var input = event.target;
  if (event.key !== 'Enter' || !input.matches || !input.matches('.roster input.num')) return;
  event.preventDefault();
  var column = input.classList.contains('weight') ? 'input.weight' : 'input.height';
  var row = input.closest('tr').nextElementSibling;
  if (row) row.querySelector(column).focus(); else input.blur();
});

// A select that applies at once (e.g. the class filter on the roster): no inline handlers under the CSP.
document.addEventListener('change', function (event) {
  if (event.target.matches && event.target.matches('select[data-autosubmit]')) event.target.form.submit();
});

// "Use my position" beside latitude/longitude fields: the phone's GPS fills them, nothing is sent until saved.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('[data-locate]');
  if (!button || !navigator.geolocation) return;
  var ids = button.getAttribute('data-locate').split(',');
  navigator.geolocation.getCurrentPosition(function (p) {
    document.getElementById(ids[0]).value = p.coords.latitude.toFixed(6);
    document.getElementById(ids[1]).value = p.coords.longitude.toFixed(6);
  });
});

// An error the server names a field for (data-field="measurement.weightKg") is moved beside that field, the
// field marked invalid and focused, so the message is read where the value is corrected (issue 10 §1).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.alert.error[data-field]').forEach(function (alert) {
    var name = alert.getAttribute('data-field').split('.').pop();
    var field = document.querySelector('form [name="' + name + '"]');
    if (!field) return;
    var visible = field.type === 'hidden' && field.nextElementSibling && field.nextElementSibling.matches('input.thai-date')
        ? field.nextElementSibling : field;
    var after = visible.nextElementSibling && visible.nextElementSibling.matches('.date-read')
        ? visible.nextElementSibling : visible;
    alert.id = alert.id || 'error-' + name;
    alert.classList.add('field-error');
    after.after(alert);
    visible.setAttribute('aria-invalid', 'true');
    visible.setAttribute('aria-describedby', ((visible.getAttribute('aria-describedby') || '') + ' ' + alert.id).trim());
    // After the load, when the browser has scrolled to the section in the address (#growth) itself.
    window.addEventListener('load', function () {
      setTimeout(function () {
        visible.scrollIntoView({block: 'center'});
        visible.focus({preventScroll: true});
      }, 0);
    });
  });
});

// The phone menu: the navigation folds behind a button on narrow screens (CSS); without scripts it stays open.
document.addEventListener('DOMContentLoaded', function () {
  document.documentElement.classList.add('js');
  var button = document.querySelector('.menu-button');
  var nav = document.getElementById('mainnav');
  if (!button || !nav) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    var open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    nav.closest(".topbar").classList.toggle("menu-open", open);
    nav.classList.toggle('open', open);
  });
});

// Charts follow the screen: a phone turned sideways, a window made narrower.
window.addEventListener('resize', function () {
  if (typeof echarts === 'undefined') return;
  document.querySelectorAll('.chart').forEach(function (el) {
    var chart = echarts.getInstanceByDom(el);
    if (chart) chart.resize();
  });
});

// A table that scrolls sideways inside its box (on a phone) can be scrolled from the keyboard too.
function markScrollingTables() {
  document.querySelectorAll('table.grid').forEach(function (table) {
    if (table.scrollWidth > table.clientWidth + 1) table.setAttribute('tabindex', '0');
    else table.removeAttribute('tabindex');
  });
}
document.addEventListener('DOMContentLoaded', markScrollingTables);
window.addEventListener('resize', markScrollingTables);

// A "print" button on a report page (the page has no inline scripts: the CSP forbids them).
document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('button[data-print]')) window.print();
});
