// The head's self-assessment saves each rating and note as soon as it is changed (issue 10 §1, §6). Beside
// the item it says "saving", "saved" or why it is not saved; a failed save leaves the chosen level and the
// typed note where they are, offers to sign in again when the session ended, and is sent again on "retry",
// when the browser is back online, or after signing in again in another tab.
(function () {
  'use strict';

  var form = document.getElementById('center-form');
  var box = document.getElementById('autosave-text');
  if (!form || !box) return;
  var failedItems = {};

  function text(key) { return box.dataset[key] || key; }

  function csrf(headers) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) headers[header.content] = token.content;
    return headers;
  }

  function itemOf(key) {
    var found = null;
    document.querySelectorAll('section.item[data-item]').forEach(function (s) {
      if (s.dataset.item === key) found = s;
    });
    return found;
  }

  function stateOf(item) {
    var state = item.querySelector('.autosave-state');
    if (!state) {
      state = document.createElement('p');
      state.className = 'autosave-state';
      state.setAttribute('role', 'status');
      item.querySelector('.rating').append(state);
    }
    state.textContent = '';
    return state;
  }

  function show(item, kind, message) {
    var state = stateOf(item);
    state.dataset.state = kind;
    item.classList.toggle('save-failed', kind === 'failed');
    if (kind !== 'failed') { state.textContent = message; return; }
    state.setAttribute('role', 'alert');
    var words = document.createElement('span');
    words.textContent = message;
    state.append(words, ' ');
    if (message === text('session') && window.tonklaSession) state.append(window.tonklaSession.loginLink(), ' ');
    var retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'retry';
    retry.textContent = text('retry');
    retry.addEventListener('click', function () { save(item.dataset.item); });
    state.append(retry);
  }

  function values(key) {
    var checked = form.ownerDocument.querySelector('input[type=radio][form=center-form][name="level|' + CSS.escape(key) + '"]:checked');
    var note = form.ownerDocument.querySelector('textarea[form=center-form][name="note|' + CSS.escape(key) + '"]');
    var body = new URLSearchParams();
    body.set('item', key);
    body.set('level', checked ? checked.value : '');
    body.set('note', note ? note.value : '');
    body.set('revision', form.querySelector('input[name=revision]').value);
    return body;
  }

  function save(key, retried) {
    var item = itemOf(key);
    if (!item) return Promise.resolve();
    show(item, 'saving', text('saving'));
    // getAttribute: form.action would be the buttons named "action" that belong to this form.
    return fetch(form.getAttribute('action').replace(/\/save$/, '/autosave'), {
      method: 'POST', credentials: 'same-origin', body: values(key),
      headers: csrf({'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'})
    }).then(function (response) {
      if (new URL(response.url).pathname === '/login' || response.status === 401) {
        failedItems[key] = true;
        show(item, 'failed', text('session'));
        return;
      }
      if (response.status === 403 && !retried && window.tonklaSession) {
        // The page's CSRF token may be stale (signed in again elsewhere): the probe renews it, then once more.
        return window.tonklaSession.probe().then(function (signedIn) {
          if (signedIn) return save(key, true);
          failedItems[key] = true;
          show(item, 'failed', text('session'));
        });
      }
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.ok && answer.saved) {
          delete failedItems[key];
          show(item, 'saved', text('saved'));
          var count = document.getElementById('rated-count');
          if (count && answer.ratedText) count.textContent = answer.ratedText;
        } else {
          failedItems[key] = true;
          show(item, 'failed', answer.message || text('failed').replace('{0}', response.status));
        }
      });
    }, function () {
      failedItems[key] = true;
      show(item, 'failed', text('network'));
    });
  }

  function retryAll() {
    if (!navigator.onLine) return;
    Object.keys(failedItems).forEach(function (key) { save(key); });
  }

  document.addEventListener('change', function (event) {
    var el = event.target;
    if (!el.name || el.getAttribute('form') !== 'center-form') return;
    var bar = el.name.indexOf('|');
    var field = el.name.substring(0, bar);
    if (field !== 'level' && field !== 'note') return;
    save(el.name.substring(bar + 1));
  });

  window.addEventListener('online', retryAll);
  window.addEventListener('storage', function (event) { if (event.key === 'tonkla.signedInAt') retryAll(); });
})();
