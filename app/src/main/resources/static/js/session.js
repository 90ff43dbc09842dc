// The signed-in session as the page sees it (issue 10 §1): a warning a few minutes before it times out,
// a way to sign in again in another tab without leaving (and losing) this page, and a fresh CSRF token
// afterwards, since signing in issues a new one and the token in this page's meta tag is then stale.
(function () {
  'use strict';

  var WARN_BEFORE_MS = 5 * 60 * 1000;
  var lastActivity = Date.now();
  var banner = null;

  function text(key) {
    var holder = document.getElementById('ui-text');
    return (holder && holder.dataset[key]) || key;
  }

  function sessionMs() {
    var meta = document.querySelector('meta[name="tonkla-session-seconds"]');
    return meta ? +meta.content * 1000 : 0;
  }

  function loginLink() {
    var a = document.createElement('a');
    a.href = '/login';
    a.target = '_blank';
    a.rel = 'opener';
    a.className = 'button primary login-again';
    a.textContent = text('loginAgain');
    return a;
  }

  /**
   * Asks the server whether this browser is still signed in, by loading the current page again (which also
   * extends the session). Resolves to true and renews the page's CSRF token when signed in, false when the
   * answer is the login page, and rejects when the network is down.
   */
  function probe() {
    return fetch(location.href, {credentials: 'same-origin', headers: {'X-Tonkla-Probe': '1'}})
      .then(function (response) {
        if (new URL(response.url).pathname === '/login' || response.status === 401) return false;
        return response.text().then(function (html) {
          var token = /<meta name="csrf-token" content="([^"]+)"/.exec(html);
          var meta = document.querySelector('meta[name="csrf-token"]');
          if (token && meta) meta.content = token[1];
          lastActivity = Date.now();
          hideBanner();
          return response.ok || response.status < 500;
        });
      });
  }

  function hideBanner() {
    if (banner) { banner.remove(); banner = null; }
  }

  function showBanner(expired) {
    if (banner && banner.dataset.expired === String(expired)) return;
    hideBanner();
    banner = document.createElement('div');
    banner.className = 'alert warn session-warning';
    banner.setAttribute('role', 'alert');
    banner.dataset.expired = String(expired);
    var message = document.createElement('span');
    message.textContent = text(expired ? 'sessionExpired' : 'sessionExpiring');
    banner.append(message, ' ');
    if (expired) {
      banner.append(loginLink());
    } else {
      var stay = document.createElement('button');
      stay.type = 'button';
      stay.textContent = text('sessionStay');
      stay.addEventListener('click', function () { probe().catch(function () {}); });
      banner.append(stay);
    }
    var main = document.querySelector('main') || document.body;
    main.prepend(banner);
  }

  function tick() {
    var total = sessionMs();
    if (!total) return;
    var left = total - (Date.now() - lastActivity);
    if (left <= 0) showBanner(true);
    else if (left <= Math.min(WARN_BEFORE_MS, total / 4)) showBanner(false);
  }

  // Any answer from the server renews the session.
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.xhr && event.detail.xhr.status > 0) lastActivity = Date.now();
  });

  // Every signed-in page load says so to the other tabs (a "storage" event there): a page waiting to
  // retry after "sign in again" learns at once that the sign-in in the other tab went through.
  document.addEventListener('DOMContentLoaded', function () {
    if (sessionMs()) {
      try { localStorage.setItem('tonkla.signedInAt', String(Date.now())); } catch (e) { /* private mode */ }
    }
    setInterval(tick, 15000);
  });

  window.tonklaSession = {probe: probe, loginLink: loginLink, text: text, tick: tick,
    expireIn: function (ms) { lastActivity = Date.now() - sessionMs() + ms; tick(); }};
})();
