// Dates the Thai way (issue 10 §2). Every <input type=date> becomes a text field that shows and accepts
// day month year in the Buddhist era ("5 มี.ค. 2566", "5/3/2566"), reads a Christian-era year only when it
// cannot be anything else (2023 is no plausible B.E. year), says beside the field what it read, and sends
// ISO yyyy-mm-dd under the original name. The browser's own widget follows the device's locale (mm/dd/yyyy,
// C.E.) and is never shown. Works on pages and on rows htmx swaps in.
(function () {
  'use strict';

  var THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม',
    'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
  var THAI_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
  var EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
    'october', 'november', 'december'];
  var EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  // Facts that have already happened: a birth, a weighing, a dose given. Their fields refuse a future day
  // even where the template sets no max.
  // (given.<code>: the pink-book form's doses.)
  var PAST_ONLY = ['dateOfBirth', 'measuredOn', 'screenedOn', 'givenOn', 'resolvedOn'];
  var BE_OFFSET = 543;

  function text(key, arg) {
    var holder = document.getElementById('ui-text');
    var value = (holder && holder.dataset[key]) || key;
    return arg === undefined ? value : value.replace('{0}', arg);
  }

  function english() {
    return (document.documentElement.lang || 'th').indexOf('en') === 0;
  }

  function iso(y, m, d) {
    return y + '-' + (m < 10 ? '0' : '') + m + '-' + (d < 10 ? '0' : '') + d;
  }

  function parseIso(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    return m ? {y: +m[1], m: +m[2], d: +m[3]} : null;
  }

  /** "5 มี.ค. 2566" in Thai, "5 Mar 2023" in English: the way ThaiDates shows dates on the server. */
  function show(date) {
    return english() ? date.d + ' ' + EN_SHORT[date.m - 1] + ' ' + date.y
        : date.d + ' ' + THAI_SHORT[date.m - 1] + ' ' + (date.y + BE_OFFSET);
  }

  function normalise(s) {
    // Thai digits (๐-๙) as typed on a Thai keyboard layout.
    return s.replace(/[\u0E50-\u0E59]/g, function (c) { return String(c.charCodeAt(0) - 0x0E50); })
        .replace(/\s+/g, ' ').trim();
  }

  function monthByName(word) {
    var w = word.toLowerCase().replace(/\./g, '').replace(/\s/g, '');
    if (!w) return 0;
    for (var i = 0; i < 12; i++) {
      if (THAI_MONTHS[i] === w || THAI_SHORT[i].replace(/\./g, '') === w) return i + 1;
      if (w.length >= 3 && EN_MONTHS[i].indexOf(w) === 0) return i + 1;
    }
    return 0;
  }

  /**
   * Reads what was typed. Answers {date, era} or {error: key}. A four-digit year above 2400 is B.E.; one
   * from 1900 to 2200 is C.E. (as B.E. it would be a date centuries ago); two-digit years are refused as
   * ambiguous (66 could be 2566 or 1966 or 2066).
   */
  function read(raw) {
    var s = normalise(raw);
    if (!s) return {empty: true};
    var d, m, y, match;
    if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
      y = match[1]; m = +match[2]; d = +match[3];
    } else if ((match = /^(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d+)$/.exec(s))) {
      d = +match[1]; m = +match[2]; y = match[3];
    } else if ((match = /^(\d{1,2})\s*([^\d\s][^\d]*?)\s*(\d+)$/.exec(s))) {
      d = +match[1]; m = monthByName(match[2]); y = match[3];
      if (!m) return {error: 'dateInvalid'};
    } else {
      return {error: 'dateInvalid'};
    }
    if (y.length !== 4) return {error: 'dateShortYear'};
    var year = +y, era;
    if (year > 2400 && year < 2700) { era = 'BE'; year -= BE_OFFSET; }
    else if (year >= 1900 && year <= 2200) { era = 'CE'; }
    else return {error: 'dateInvalid'};
    if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(year, m, 0)).getUTCDate()) return {error: 'dateNoSuchDay'};
    return {date: {y: year, m: m, d: d}, era: era, typedYear: y};
  }

  function todayIso() {
    var meta = document.querySelector('meta[name="tonkla-today"]');
    return meta ? meta.content : new Date().toISOString().slice(0, 10);
  }

  function check(field) {
    var hidden = field.tonklaDate;
    var note = field.tonklaNote;
    var result = read(field.value);
    var message = '', error = '';
    if (result.empty) {
      hidden.value = '';
    } else if (result.error) {
      error = text(result.error);
    } else {
      var value = iso(result.date.y, result.date.m, result.date.d);
      var max = hidden.getAttribute('max') || (PAST_ONLY.indexOf(hidden.name) >= 0 || hidden.name.indexOf('given.') === 0 ? todayIso() : '');
      var min = hidden.getAttribute('min') || '1990-01-01';
      if (max && value > max) error = text(max === todayIso() ? 'dateFuture' : 'dateTooLate', show(parseIso(max)));
      else if (value < min) error = text('dateTooEarly', show(parseIso(min)));
      message = text('dateReadAs', show(result.date));
      if (result.era === 'CE' && !english()) message += ' · ' + text('dateEraCe', result.typedYear);
      if (result.era === 'BE' && english()) message += ' · ' + text('dateEraBe', result.typedYear);
      hidden.value = error ? '' : value;
    }
    if (error) hidden.value = '';
    field.setCustomValidity(error);
    field.setAttribute('aria-invalid', error ? 'true' : 'false');
    note.textContent = error ? (message ? message + ' · ' : '') + error : message;
    note.classList.toggle('error', !!error);
    return !error;
  }

  function enhance(input) {
    if (input.dataset.thaiDate) return;
    input.dataset.thaiDate = '1';
    var field = document.createElement('input');
    field.type = 'text';
    field.inputMode = 'text';
    field.autocomplete = 'off';
    field.className = 'thai-date';
    field.placeholder = text('datePlaceholder');
    field.required = input.required;
    if (input.id) {
      field.id = input.id + '-text';
      document.querySelectorAll('label[for="' + input.id + '"]').forEach(function (l) { l.htmlFor = field.id; });
    }
    ['aria-label', 'title', 'form'].forEach(function (a) {
      if (input.hasAttribute(a)) field.setAttribute(a, input.getAttribute(a));
    });
    if (!field.hasAttribute('aria-label') && input.title) field.setAttribute('aria-label', input.title);
    var note = document.createElement('span');
    note.className = 'date-read';
    note.id = (input.id || ('date-' + Math.random().toString(36).slice(2))) + '-read';
    note.setAttribute('aria-live', 'polite');
    field.setAttribute('aria-describedby', note.id);
    var start = parseIso(input.value);
    if (start) field.value = show(start);
    // The original element stays (its id, name and value are what forms and hx-include already use),
    // hidden and holding the ISO date.
    input.type = 'hidden';
    input.removeAttribute('required');
    input.after(field, note);
    field.tonklaDate = input;
    field.tonklaNote = note;
    field.addEventListener('input', function () { check(field); });
    field.addEventListener('change', function () {
      check(field);
      input.dispatchEvent(new Event('change', {bubbles: true}));
    });
  }

  function enhanceAll(root) {
    root = root || document;
    if (root.matches && root.matches('input[type=date]')) enhance(root);
    if (root.querySelectorAll) root.querySelectorAll('input[type=date]').forEach(enhance);
  }

  /** Exposed for the roster (a row is not saved with an unreadable date) and for tests. */
  window.tonklaDates = {
    read: read,
    valid: function (hidden) {
      var field = hidden && hidden.nextElementSibling;
      return !(field && field.tonklaDate === hidden) || check(field);
    }
  };

  // A form with an unreadable date is not sent: the message is already beside the field.
  document.addEventListener('submit', function (event) {
    var fields = event.target.querySelectorAll ? event.target.querySelectorAll('input.thai-date') : [];
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value && !check(fields[i])) {
        event.preventDefault();
        fields[i].focus();
        return;
      }
    }
  }, true);

  document.addEventListener('DOMContentLoaded', function () { enhanceAll(document); });
  document.addEventListener('htmx:load', function (event) { enhanceAll(event.target); });
})();
