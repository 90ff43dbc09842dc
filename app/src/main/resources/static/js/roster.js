// Nothing typed on the class roster is lost in silence (issue 10 §1). A row is saved with htmx as soon as
// focus leaves it (tonkla.js); here every row on its way to the server is also kept in localStorage until
// the server has answered with the saved row. A save that fails (the session timed out, the network
// dropped, the server refused) leaves the typed values in the row, says why beside it in Thai, offers to
// sign in again in another tab, and is sent again when the browser is back online, signed in again, or
// the page is opened again - once per row, since a row leaves the pending list as soon as it is saved.
(function () {
  'use strict';

  var KEY = 'tonkla.roster.pending:' + location.pathname;
  // This tab's name. It holds a Web Lock by that name while it is open, so another tab can tell whether
  // the tab that typed a pending row is still there (and will send it itself, showing the saved row where
  // it was typed) or was closed (and its rows are adopted).
  var TAB = 'tonkla-tab-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  if (navigator.locks) navigator.locks.request(TAB, function () { return new Promise(function () {}); });

  /** The tabs open now (their lock names); empty where the browser has no Web Locks (every tab then retries). */
  function liveTabs() {
    if (!navigator.locks || !navigator.locks.query) return Promise.resolve({});
    return navigator.locks.query().then(function (state) {
      var live = {};
      (state.held || []).forEach(function (lock) { live[lock.name] = true; });
      return live;
    }, function () { return {}; });
  }

  function mine(entry, live) {
    return !entry.tab || entry.tab === TAB || !live[entry.tab];
  }

  function text(key, arg) {
    var holder = document.getElementById('ui-text');
    var value = (holder && holder.dataset[key]) || key;
    return arg === undefined ? value : value.replace('{0}', arg);
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }

  function store(pending) {
    try {
      if (Object.keys(pending).length) localStorage.setItem(KEY, JSON.stringify(pending));
      else localStorage.removeItem(KEY);
    } catch (e) { /* storage full or disabled: the values are still in the row */ }
  }

  function rowOf(target) {
    return target && target.closest ? target.closest('tr[data-roster-row]') : null;
  }

  function valuesOf(row) {
    var confirm = row.querySelector('input[name=confirm]');
    var date = document.getElementById('measuredOn');
    return {weightKg: row.querySelector('input.weight').value, lengthCm: row.querySelector('input.height').value,
      position: row.querySelector('select[name=position]').value, confirm: !!(confirm && confirm.checked),
      measuredOn: date ? date.value : ''};
  }

  function fill(row, values) {
    row.querySelector('input.weight').value = values.weightKg || '';
    row.querySelector('input.height').value = values.lengthCm || '';
    row.querySelector('select[name=position]').value = values.position || '';
  }

  function problemBox(row) {
    var cell = row.querySelector('td.status');
    var box = cell.querySelector('.save-problem');
    if (!box) {
      box = document.createElement('div');
      box.className = 'save-problem';
      box.setAttribute('role', 'alert');
      cell.prepend(box);
    }
    box.textContent = '';
    return box;
  }

  /** Marks the row as not saved: why, and what the teacher can do. The typed values stay where they are. */
  function fail(row, reason, status) {
    settle(row);
    delete row.dataset.saving;
    row.classList.add('save-failed');
    var box = problemBox(row);
    var message = document.createElement('span');
    message.textContent = reason === 'failed' ? text('saveFailed', status) : text(reason === 'session' ? 'saveSession'
        : reason === 'badDate' ? 'saveBadDate' : 'saveNetwork');
    box.append(message, ' ');
    if (reason === 'session') box.append(window.tonklaSession.loginLink(), ' ');
    var retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'retry';
    retry.textContent = text('saveRetry');
    box.append(retry);
  }

  function markPending(row) {
    row.classList.add('save-failed');
    var box = problemBox(row);
    box.textContent = text('savePending');
  }

  /** Rows another tab has saved meanwhile lose their "not saved" message here too. */
  function tidy() {
    var pending = load();
    document.querySelectorAll('tr[data-roster-row].save-failed').forEach(function (row) {
      if (pending[row.id] || row.dataset.saving) return;
      row.classList.remove('save-failed');
      var box = row.querySelector('.save-problem');
      if (box) box.remove();
    });
  }

  var retrying = false;
  var waiting = {};

  /** A promise that settles when the row's request has an answer (or failed), at the latest after 30 s. */
  function answered(id) {
    return new Promise(function (resolve) {
      waiting[id] = resolve;
      setTimeout(resolve, 30000);
    });
  }

  function settle(row) {
    var resolve = row && waiting[row.id];
    if (resolve) { delete waiting[row.id]; resolve(); }
  }

  /**
   * Sends every pending row again, once the server answers and this browser is signed in. The pending list
   * is shared by every tab of the roster (the tab that signed in again may show the roster too), so the
   * retry runs under a lock across tabs, re-reads the list inside it and holds it until the answers are in:
   * a row saved by one tab has left the list before another tab looks.
   */
  function retryAll() {
    if (retrying || !navigator.onLine || !Object.keys(load()).length) return;
    retrying = true;
    var run = function () {
      return Promise.all([window.tonklaSession.probe(), liveTabs()]).then(function (answers) {
        var signedIn = answers[0], live = answers[1];
        var pending = load();
        var ids = Object.keys(pending).filter(function (id) {
          var row = document.getElementById(id);
          return row && !row.dataset.saving && mine(pending[id], live);
        });
        return Promise.all(ids.map(function (id) {
          var row = document.getElementById(id);
          if (!signedIn) { fail(row, 'session'); return null; }
          fill(row, pending[id]);
          row.dataset.retryDate = pending[id].measuredOn || '';
          var done = answered(id);
          htmx.trigger(row, 'row-save');
          return done;
        }));
      }, function () {
        Object.keys(load()).forEach(function (id) {
          var row = document.getElementById(id);
          if (row) fail(row, 'network');
        });
      });
    };
    var finish = function () { retrying = false; tidy(); };
    (navigator.locks ? navigator.locks.request('tonkla-roster-retry', run) : run()).then(finish, finish);
  }

  // A row is not sent with an unreadable date: it would only come back refused.
  document.addEventListener('htmx:confirm', function (event) {
    var row = rowOf(event.target);
    if (!row) return;
    var date = document.getElementById('measuredOn');
    if (window.tonklaDates && date && !window.tonklaDates.valid(date)) {
      event.preventDefault();
      var pending = load();
      pending[row.id] = valuesOf(row);
      pending[row.id].tab = TAB;
      store(pending);
      fail(row, 'badDate');
    }
  });

  document.addEventListener('htmx:configRequest', function (event) {
    var row = rowOf(event.detail.elt);
    if (!row) return;
    // A retried row keeps the day it was measured on, even if the date above was changed meanwhile.
    if (row.dataset.retryDate) event.detail.parameters.measuredOn = row.dataset.retryDate;
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    var row = rowOf(event.detail.elt);
    if (!row) return;
    row.dataset.saving = '1';
    var pending = load();
    var values = valuesOf(row);
    if (row.dataset.retryDate) values.measuredOn = row.dataset.retryDate;
    values.tab = TAB;
    pending[row.id] = values;
    store(pending);
  });

  document.addEventListener('htmx:beforeSwap', function (event) {
    var row = rowOf(event.detail.elt);
    if (!row) return;
    var xhr = event.detail.xhr;
    var toLogin = xhr.responseURL && new URL(xhr.responseURL).pathname === '/login';
    if (toLogin || xhr.status === 401 || xhr.status === 403) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      // Either the session ended or the page's CSRF token went stale (signed in again in another tab):
      // the probe tells which, and renews the token for the retry.
      delete row.dataset.saving;
      if (!toLogin && !row.dataset.retriedAfterDenial) {
        row.dataset.retriedAfterDenial = '1';
        window.tonklaSession.probe().then(function (signedIn) {
          if (signedIn) htmx.trigger(row, 'row-save'); else fail(row, 'session');
        }, function () { fail(row, 'network'); });
      } else {
        fail(row, toLogin ? 'session' : 'failed', xhr.status);
      }
    } else if (xhr.status >= 300) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      fail(row, 'failed', xhr.status);
    } else {
      // The server has the row: saved, or answered with what is wrong with it (shown in the new row).
      var pending = load();
      delete pending[row.id];
      store(pending);
      settle(row);
    }
  });

  document.addEventListener('htmx:sendError', function (event) {
    var row = rowOf(event.detail.elt);
    if (row) fail(row, 'network');
  });
  document.addEventListener('htmx:timeout', function (event) {
    var row = rowOf(event.detail.elt);
    if (row) fail(row, 'network');
  });

  document.addEventListener('click', function (event) {
    if (event.target.matches && event.target.matches('.save-problem button.retry')) retryAll();
  });

  window.addEventListener('online', retryAll);
  window.addEventListener('focus', retryAll);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) retryAll(); });
  window.addEventListener('storage', function (event) {
    if (event.key === 'tonkla.signedInAt') retryAll();
    if (event.key === KEY) tidy();
  });

  // Values kept from an earlier visit (the tab was closed while offline): back into their rows, then sent.
  document.addEventListener('DOMContentLoaded', function () {
    if (!document.getElementById('roster')) return;
    liveTabs().then(function (live) {
      var pending = load();
      Object.keys(pending).forEach(function (id) {
        var row = document.getElementById(id);
        if (!row || !mine(pending[id], live)) return;
        fill(row, pending[id]);
        markPending(row);
      });
      retryAll();
    });
    setInterval(retryAll, 30000);
  });
})();
