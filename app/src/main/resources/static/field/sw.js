// The offline home-visit form's service worker: the page and its files come from the cache when there is no network
// (network first, so a new version reaches the phone when it is online). Visits themselves never pass through here:
// the page keeps them in IndexedDB and posts them itself, and POSTs are not cached.
const CACHE = 'tonkla-field-v1';
const FILES = ['/field/visit', '/field/visit.js', '/field/visit.css', '/css/tonkla.css', '/field/manifest.webmanifest'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !FILES.includes(url.pathname)) return;
  event.respondWith(fetch(event.request)
    .then(response => {
      // Only a real page goes into the cache, never the login page a lapsed session is redirected to.
      if (response.ok && !response.redirected) {
        const copy = response.clone();
        caches.open(CACHE).then(cache => cache.put(url.pathname, copy));
      }
      return response;
    })
    .catch(() => caches.match(url.pathname)));
});
