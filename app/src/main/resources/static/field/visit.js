// The offline home-visit form: each visit is queued in IndexedDB with an instance id made on the phone, survives
// closing the tab and a reboot, and is sent when the network returns. The server stores a visit once per instance id,
// so sending again after a lost answer never stores it twice; a visit leaves the queue only when the server said so.
(function () {
  'use strict';
  const DB = 'tonkla-field', STORE = 'queue';
  const $ = id => document.getElementById(id);
  const text = k => (document.querySelector('#texts').content.querySelector('[data-k="' + k + '"]') || {}).textContent || k;

  function db() {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(DB, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'instanceId' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
  }
  async function tx(mode, work) {
    const d = await db();
    return new Promise((resolve, reject) => {
      const t = d.transaction(STORE, mode);
      const result = work(t.objectStore(STORE));
      t.oncomplete = () => resolve(result && result.result !== undefined ? result.result : result);
      t.onerror = () => reject(t.error);
    });
  }
  const all = () => tx('readonly', s => s.getAll());
  const put = visit => tx('readwrite', s => s.put(visit));
  const remove = id => tx('readwrite', s => s.delete(id));

  async function render() {
    const visits = await all();
    const list = $('queue');
    list.replaceChildren(...visits.map(v => {
      const li = document.createElement('li');
      li.dataset.instance = v.instanceId;
      li.textContent = (v.givenName || v.houseNo || v.subdistrict) + ' — ' + (v.error || text('waiting'));
      return li;
    }));
    $('network').textContent = navigator.onLine ? text('online') : text('offline');
    $('network').className = navigator.onLine ? 'online' : 'offline';
  }

  // Photos are resized on the phone (long edge 1280 px, JPEG) before they wait in the queue.
  function resized(file) {
    if (!file) return Promise.resolve(null);
    return new Promise(resolve => {
      const img = new Image();
      img.onload = () => {
        const scale = Math.min(1, 1280 / Math.max(img.width, img.height));
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(img.width * scale);
        canvas.height = Math.round(img.height * scale);
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(img.src);
        resolve(canvas.toDataURL('image/jpeg', 0.85));
      };
      img.onerror = () => resolve(null);
      img.src = URL.createObjectURL(file);
    });
  }

  function position() {
    return new Promise(resolve => {
      if (!navigator.geolocation) return resolve(null);
      navigator.geolocation.getCurrentPosition(p => resolve(p.coords), () => resolve(null), { timeout: 5000, maximumAge: 600000 });
    });
  }

  let sending = false;
  async function send() {
    if (sending || !navigator.onLine) return;
    sending = true;
    try {
      const token = document.querySelector('meta[name="csrf-token"]');
      for (const visit of await all()) {
        try {
          const response = await fetch('/field/visits', {
            method: 'POST', credentials: 'same-origin',
            headers: Object.assign({ 'Content-Type': 'application/json' }, token ? { 'X-CSRF-TOKEN': token.content } : {}),
            body: JSON.stringify(visit)
          });
          if (response.status === 201) await remove(visit.instanceId);
          else if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 403 && response.status !== 429) {
            const body = await response.json().catch(() => ({}));
            visit.error = text('failed') + ': ' + (body.message || response.status);
            await put(visit); // kept, with the reason, for the surveyor to see; never dropped silently
          }
        } catch (e) {
          break; // the network went away again: try later
        }
      }
    } finally {
      sending = false;
      render();
    }
  }

  async function save(event) {
    event.preventDefault();
    const f = $('visit');
    const coords = $('consent').checked ? await position() : null;
    const nationalId = f.nationalId.value.trim();
    const visit = {
      instanceId: 'uuid:' + crypto.randomUUID(),
      visitedAt: new Date().toISOString(), // the visit's own time: it may wait in the queue for days
      subdistrict: f.subdistrict.value.trim(), houseNo: f.houseNo.value.trim(), outcome: f.outcome.value,
      consent: $('consent').checked, consentBy: f.consentBy.value.trim(), consentRelation: 'relative',
      consentOn: new Date().toISOString().slice(0, 10),
      givenName: f.givenName.value.trim(), familyName: f.familyName.value.trim(), sex: f.sex.value,
      dateOfBirth: f.dateOfBirth.value, idType: nationalId ? 'national_id' : 'none', nationalId: nationalId,
      noIdReason: nationalId ? '' : 'unknown',
      weightKg: f.weightKg.value ? Number(f.weightKg.value) : null, heightCm: f.heightCm.value ? Number(f.heightCm.value) : null,
      latitude: coords ? String(coords.latitude) : null, longitude: coords ? String(coords.longitude) : null,
      photo: $('consent').checked ? await resized(f.photo.files[0]) : null
    };
    await put(visit);
    f.reset();
    await render();
    send();
  }

  document.addEventListener('DOMContentLoaded', () => {
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' });
    $('visit').addEventListener('submit', save);
    $('send').addEventListener('click', send);
    window.addEventListener('online', () => { render(); send(); });
    window.addEventListener('offline', render);
    render().then(send);
  });
})();
