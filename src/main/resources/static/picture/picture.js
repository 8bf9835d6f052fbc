// The live picture: tracks pushed by the server (SSE), drawn with MIL-STD-2525 symbols on Natural Earth.
(function () {
  const tracks = new Map();          // id -> {t, marker, trail, history: [[lat, lon]]}
  const TRAIL = 30;
  let map, trackLayer, trailLayer, selected = null, serverOffset = 0, lastFrame = 0;
  const statusEl = document.getElementById('status');
  const problemEl = document.getElementById('problem');

  function filters(id) {
    return new Set([...document.querySelectorAll('#' + id + ' input:checked')].map(i => i.value));
  }

  // CoT type a-h-A-M-F -> 2525C SIDC SHAPMF---------
  function sidc(t) {
    const parts = t.type.split('-');
    const aff = (parts[1] || 'u').toUpperCase();
    const dim = (parts[2] || 'G').toUpperCase();
    let fn = parts.slice(3).join('').toUpperCase().replace(/[^A-Z]/g, '').slice(0, 6);
    while (fn.length < 6) fn += '-';
    return 'S' + aff + dim + 'P' + fn + '-----';
  }

  function icon(t) {
    const sym = new ms.Symbol(sidc(t), { size: 20, direction: t.speed > 0.5 ? t.course : undefined, colorMode: 'Dark', outlineWidth: 2, outlineColor: '#0b1a26' });
    const a = sym.getAnchor(), s = sym.getSize();
    return L.divIcon({ className: 'track-icon' + (selected === t.id ? ' selected' : ''), html: sym.asSVG(), iconSize: [s.width, s.height], iconAnchor: [a.x, a.y] });
  }

  function now() { return Date.now() + serverOffset; }

  function age(t) {
    const s = Math.max(0, Math.round((now() - Date.parse(t.lastUpdate)) / 1000));
    return s < 60 ? s + ' s' : Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
  }

  function knots(ms) { return (ms * 1.943844).toFixed(0); }

  function tagClass(banner) {
    if (banner.includes('NOFORN')) return 'bad';
    if (banner.startsWith('//')) return 'warn';
    if (banner.startsWith('SECRET') || banner.startsWith('TOP SECRET')) return 'warn';
    return 'ok';
  }

  function visible(t) {
    return filters('aff-filters').has(t.affiliation) && filters('dim-filters').has(t.dimension);
  }

  function upsert(t) {
    let e = tracks.get(t.id);
    if (!e) {
      e = { t, history: [] };
      e.marker = L.marker([t.lat, t.lon], { icon: icon(t), keyboard: false, title: t.callsign });
      e.marker.on('click', () => select(t.id));
      e.trail = L.polyline([], { color: t.affiliation === 'h' ? '#ff5c5c' : t.affiliation === 'f' ? '#4aa3ff' : t.affiliation === 'n' ? '#5fd35f' : '#e3d34a', weight: 1, opacity: 0.6, interactive: false });
      tracks.set(t.id, e);
    } else {
      e.marker.setLatLng([t.lat, t.lon]);
      if (e.t.type !== t.type || Math.abs(e.t.course - t.course) > 2 || selected === t.id) e.marker.setIcon(icon(t));
      e.t = t;
    }
    const last = e.history[e.history.length - 1];
    if (!last || last[0] !== t.lat || last[1] !== t.lon) {
      e.history.push([t.lat, t.lon]);
      if (e.history.length > TRAIL) e.history.shift();
      e.trail.setLatLngs(e.history);
    }
    const el = e.marker.getElement && e.marker.getElement();
    if (el) el.dataset.uid = t.id;
  }

  function applyFilters() {
    const showTrails = document.getElementById('trails').checked;
    for (const [id, e] of tracks) {
      const v = visible(e.t);
      if (v && !trackLayer.hasLayer(e.marker)) { trackLayer.addLayer(e.marker); }
      if (!v && trackLayer.hasLayer(e.marker)) trackLayer.removeLayer(e.marker);
      const tv = v && showTrails;
      if (tv && !trailLayer.hasLayer(e.trail)) trailLayer.addLayer(e.trail);
      if (!tv && trailLayer.hasLayer(e.trail)) trailLayer.removeLayer(e.trail);
      const el = e.marker.getElement && e.marker.getElement();
      if (el) el.dataset.uid = id;
    }
  }

  function expire() {
    const t = now();
    for (const [id, e] of tracks) {
      if (Date.parse(e.t.stale) < t) {
        trackLayer.removeLayer(e.marker);
        trailLayer.removeLayer(e.trail);
        tracks.delete(id);
        if (selected === id) select(null);
      }
    }
  }

  async function loadTrail(id) {
    try {
      const known = tracks.get(id);
      const owner = known && known.t.selfReported && known.t.nations.length ? '&nation=' + encodeURIComponent(known.t.nations[0]) : '';
      const points = await Kizuna.api('/api/v1/picture/tracks/' + encodeURIComponent(id) + '/history?minutes=10' + owner);
      const e = tracks.get(id);
      if (e && points.length > e.history.length) {
        e.history = points.slice(-TRAIL).map(p => [p.lat, p.lon]);
        e.trail.setLatLngs(e.history);
      }
    } catch (err) { /* the live trail stays */ }
  }

  function select(id) {
    const previous = selected;
    selected = id;
    if (id) loadTrail(id);
    for (const pid of [previous, id]) {
      const e = pid && tracks.get(pid);
      if (e) e.marker.setIcon(icon(e.t));
    }
    render();
  }

  function renderDetail() {
    const body = document.getElementById('detail-body');
    const empty = document.getElementById('detail-empty');
    const e = selected && tracks.get(selected);
    if (!e) { body.hidden = true; empty.hidden = false; return; }
    const t = e.t;
    body.hidden = false; empty.hidden = true;
    body.replaceChildren(
      Kizuna.el('div', { class: 'tag ' + tagClass(t.banner) + ' label-banner', id: 'detail-banner' }, t.banner),
      Kizuna.el('dl', {},
        Kizuna.el('dt', {}, 'Callsign'), Kizuna.el('dd', { id: 'detail-callsign' }, t.callsign),
        Kizuna.el('dt', {}, 'Track'), Kizuna.el('dd', {}, t.id + (t.selfReported ? ' (self-reported)' : ' (fused)')),
        Kizuna.el('dt', {}, 'Type'), Kizuna.el('dd', {}, t.type + '  ' + sidc(t)),
        Kizuna.el('dt', {}, 'Position'), Kizuna.el('dd', {}, t.lat.toFixed(4) + ', ' + t.lon.toFixed(4) + (t.altitude ? '  ' + Math.round(t.altitude) + ' m' : '')),
        Kizuna.el('dt', {}, 'Speed'), Kizuna.el('dd', {}, knots(t.speed) + ' kn (' + t.speed.toFixed(1) + ' m/s)'),
        Kizuna.el('dt', {}, 'Course'), Kizuna.el('dd', {}, t.course.toFixed(0).padStart(3, '0') + '°'),
        Kizuna.el('dt', {}, 'Contributors'), Kizuna.el('dd', { id: 'detail-nations' }, t.nations.join(', ') || '—'),
        Kizuna.el('dt', {}, 'Age'), Kizuna.el('dd', { id: 'detail-age' }, age(t)),
        Kizuna.el('dt', {}, 'Stale at'), Kizuna.el('dd', {}, t.stale.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))));
  }

  function renderList() {
    const rows = [...tracks.values()].filter(e => visible(e.t)).sort((a, b) => a.t.callsign.localeCompare(b.t.callsign));
    document.getElementById('track-count').textContent = rows.length + ' shown of ' + tracks.size;
    document.getElementById('track-rows').replaceChildren(...rows.slice(0, 300).map(e => {
      const t = e.t;
      const tr = Kizuna.el('tr', { class: selected === t.id ? 'selected' : '', 'data-uid': t.id },
        Kizuna.el('td', {}, t.callsign), Kizuna.el('td', {}, t.type), Kizuna.el('td', {}, knots(t.speed)),
        Kizuna.el('td', {}, t.course.toFixed(0).padStart(3, '0')),
        Kizuna.el('td', {}, Kizuna.el('span', { class: 'tag ' + tagClass(t.banner) }, t.banner)), Kizuna.el('td', {}, age(t)));
      tr.addEventListener('click', () => { select(t.id); map.panTo([t.lat, t.lon]); });
      return tr;
    }));
  }

  function render() {
    applyFilters();
    renderDetail();
    renderList();
    const s = lastFrame ? Math.round((now() - lastFrame) / 1000) : null;
    statusEl.textContent = 'live · ' + tracks.size + ' tracks' + (s === null ? '' : ' · update ' + s + ' s ago');
  }

  async function banner() {
    try {
      const b = await Kizuna.api('/api/v1/picture/banner');
      Kizuna.setBanner(b.banner);
    } catch (e) { /* keep the last banner */ }
  }

  function connect() {
    const source = new EventSource('/api/v1/picture/stream');
    source.addEventListener('tracks', ev => {
      const frame = JSON.parse(ev.data);
      serverOffset = frame.now - Date.now();
      lastFrame = frame.now;
      for (const t of frame.tracks) upsert(t);
      problemEl.hidden = true;
    });
    source.addEventListener('tick', ev => {
      serverOffset = JSON.parse(ev.data).now - Date.now();
    });
    source.onerror = () => {
      problemEl.textContent = 'The live stream is interrupted; reconnecting…';
      problemEl.hidden = false;
    };
  }

  let sensorList = [], registration = new Map();   // the sensors the reader is listed; id -> the tracker's estimate

  function signed(m) { const r = Math.round(m); return (r < 0 ? '-' : '+') + Math.abs(r); }

  function metres(m) { return Math.round(m) + ' m'; }

  // the registration columns of a sensor: bias (or "surveyed (reference)"), uncertainty, reports used
  function registrationCells(s) {
    const r = registration.get(s.id);
    const bias = Kizuna.el('td', { class: 'registration-bias' });
    if (s.surveyed || (r && r.role === 'surveyed')) bias.append('surveyed (reference)');
    else if (r && r.reportsUsed > 0) bias.append('E ' + signed(r.biasEast) + ' m, N ' + signed(r.biasNorth) + ' m');
    else bias.append('no estimate yet');
    if (r && r.jumpedAt) {
      bias.append(' ', Kizuna.el('span', { class: 'tag warn registration-jump' }, 'bias jumped at ' + r.jumpedAt.slice(11, 19) + ' UTC'));
    }
    const reference = s.surveyed || (r && r.role === 'surveyed');
    const sigma = !r || reference ? '—' : Math.round(r.sigmaEast) === Math.round(r.sigmaNorth)
      ? '± ' + metres(r.sigmaEast) : '± ' + metres(r.sigmaEast) + ' E, ' + metres(r.sigmaNorth) + ' N';
    return [bias, Kizuna.el('td', { class: 'registration-sigma' }, sigma), Kizuna.el('td', { class: 'registration-used' }, r ? String(r.reportsUsed) : '—')];
  }

  function renderSensors() {
    document.getElementById('sensor-count').textContent = sensorList.length;
    document.getElementById('sensor-rows').replaceChildren(...sensorList.map(s => Kizuna.el('tr', { 'data-sensor': s.id },
      Kizuna.el('td', {}, s.id), Kizuna.el('td', {}, s.platform), Kizuna.el('td', {}, s.kind),
      Kizuna.el('td', {}, Kizuna.el('span', { class: 'tag ' + tagClass(s.defaultLabel) }, s.defaultLabel)),
      Kizuna.el('td', {}, String(s.accuracyMetres)), ...registrationCells(s))));
  }

  async function sensors() {
    try {
      sensorList = await Kizuna.api('/api/v1/picture/sensors');
      renderSensors();
      estimates();
    } catch (e) {
      problemEl.textContent = e.message;
      problemEl.hidden = false;
    }
  }

  async function estimates() {
    try {
      const list = await Kizuna.api('/api/v1/picture/sensors/registration');
      registration = new Map(list.map(r => [r.sensor, r]));
      renderSensors();
    } catch (e) { /* keep the last estimates */ }
  }

  async function registerSensor(ev) {
    ev.preventDefault();
    const form = ev.target, box = document.getElementById('sensor-problem');
    const body = Object.fromEntries(new FormData(form).entries());
    for (const k of ['accuracyMetres', 'lat', 'lon']) body[k] = Number(body[k]);
    body.surveyed = form.elements.surveyed.checked;
    try {
      const xsrf = (document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/) || [])[1];
      await Kizuna.api('/api/v1/picture/sensors', { method: 'POST', body: JSON.stringify(body), headers: {
        'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json', 'X-XSRF-TOKEN': xsrf ? decodeURIComponent(xsrf) : '' } });
      box.hidden = true;
      form.reset();
      sensors();
    } catch (e) {
      box.textContent = (e.problem && e.problem.detail) || e.message;
      box.hidden = false;
    }
  }

  async function init() {
    await Kizuna.page({ title: 'Picture', banner: 'UNCLASSIFIED' });
    map = await Kizuna.worldMap('map', { center: [32, 134], zoom: 5, credit: 'milsymbol' });
    trailLayer = L.layerGroup().addTo(map);
    trackLayer = L.layerGroup().addTo(map);
    document.querySelectorAll('.filters input, #trails').forEach(i => i.addEventListener('change', render));
    document.getElementById('sensor-form').addEventListener('submit', registerSensor);
    connect();
    sensors();
    banner();
    setInterval(() => { expire(); render(); }, 1000);
    setInterval(banner, 5000);
    setInterval(estimates, 5000);
  }

  init();
})();
