// The live picture: tracks pushed by the server (SSE), drawn with MIL-STD-2525 symbols on Natural Earth, and listed in a
// table (keyboard and screen reader users reach every track there); the sensor registry below. Texts in the page's language.
(function () {
  const { el, t: tr } = Kizuna;
  const AFFILIATION = { f: tr('picture.affiliation.f'), h: tr('picture.affiliation.h'), u: tr('picture.affiliation.u'), n: tr('picture.affiliation.n') };
  const SENSOR_KIND = { radar: tr('picture.sensor.kind.radar'), ship: tr('picture.sensor.kind.ship'), aircraft: tr('picture.sensor.kind.aircraft'),
    satellite: tr('picture.sensor.kind.satellite'), sonar: tr('picture.sensor.kind.sonar'), esm: tr('picture.sensor.kind.esm'), eo: tr('picture.sensor.kind.eo') };
  const LISTED = 300;                // rows of the tracks table at most (the filters narrow it)
  const tracks = new Map();          // id -> {t, marker, trail, history: [[lat, lon]]}
  const rows = new Map();            // id -> {tr, button, cells}: the tracks table's rows, updated in place (focus stays)
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
    return s < 60 ? tr('picture.age.seconds', s) : tr('picture.age.minutes', Math.floor(s / 60), s % 60);
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

  function position(t) { return t.lat.toFixed(4) + ', ' + t.lon.toFixed(4); }
  function course(t) { return t.course.toFixed(0).padStart(3, '0') + '°'; }

  function renderDetail() {
    const body = document.getElementById('detail-body');
    const empty = document.getElementById('detail-empty');
    const e = selected && tracks.get(selected);
    if (!e) { body.hidden = true; empty.hidden = false; return; }
    const t = e.t;
    body.hidden = false; empty.hidden = true;
    body.replaceChildren(
      el('div', { class: 'tag ' + tagClass(t.banner) + ' label-banner', id: 'detail-banner' }, t.banner),
      el('dl', {},
        el('dt', {}, tr('picture.detail.callsign')), el('dd', { id: 'detail-callsign' }, t.callsign),
        el('dt', {}, tr('picture.detail.track')), el('dd', {}, t.selfReported ? tr('picture.detail.selfReported', t.id) : tr('picture.detail.fused', t.id)),
        el('dt', {}, tr('picture.detail.type')), el('dd', {}, t.type + '  ' + sidc(t) + ' · ' + (AFFILIATION[t.affiliation] || t.affiliation)),
        el('dt', {}, tr('picture.detail.position')), el('dd', {}, position(t) + (t.altitude ? '  ' + Math.round(t.altitude) + ' m' : '')),
        el('dt', {}, tr('picture.detail.speed')), el('dd', {}, tr('picture.detail.speedValue', knots(t.speed), Kizuna.fmt.number(t.speed, 1))),
        el('dt', {}, tr('picture.detail.course')), el('dd', {}, course(t)),
        el('dt', {}, tr('picture.detail.contributors')), el('dd', { id: 'detail-nations' }, t.nations.join(', ') || '—'),
        el('dt', {}, tr('picture.detail.age')), el('dd', { id: 'detail-age' }, age(t)),
        el('dt', {}, tr('picture.detail.stale')), el('dd', {}, Kizuna.fmt.time(t.stale))));
  }

  function choose(id) {
    select(id);
    const e = tracks.get(id);
    if (e) map.panTo([e.t.lat, e.t.lon]);
  }

  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }

  // The table view of the tracks the map shows (same filters): one row per track, kept across renders so that a
  // keyboard user's focus stays on the track it is on while ages and positions change every second.
  function renderList() {
    const shown = [...tracks.values()].filter(e => visible(e.t)).sort((a, b) => a.t.callsign.localeCompare(b.t.callsign));
    const listed = shown.slice(0, LISTED);
    setText(document.getElementById('track-count'), tr('picture.tracks.count', Kizuna.fmt.number(shown.length), Kizuna.fmt.number(tracks.size)));
    const more = document.getElementById('track-more');
    more.hidden = shown.length <= LISTED;
    setText(more, shown.length > LISTED ? tr('picture.tracks.more', Kizuna.fmt.number(shown.length - LISTED)) : '');
    const body = document.getElementById('track-rows');
    const keep = new Set(listed.map(e => e.t.id));
    for (const [id, r] of rows) if (!keep.has(id)) { r.tr.remove(); rows.delete(id); }
    listed.forEach((e, i) => {
      const t = e.t;
      let r = rows.get(t.id);
      if (!r) {
        const button = el('button', { type: 'button', class: 'track', 'data-uid': t.id });
        button.addEventListener('click', (ev) => { ev.stopPropagation(); choose(t.id); });
        const cells = [0, 1, 2, 3, 4, 5, 6, 7].map(() => el('td', {}));
        const row = el('tr', { 'data-uid': t.id }, el('th', { scope: 'row' }, button), ...cells);
        row.addEventListener('click', () => choose(t.id));
        r = { tr: row, button, cells, tag: el('span', { class: 'tag' }) };
        cells[6].append(r.tag);
        rows.set(t.id, r);
      }
      setText(r.button, t.callsign);
      r.button.setAttribute('aria-label', tr('picture.select', t.callsign));
      r.button.setAttribute('aria-pressed', selected === t.id ? 'true' : 'false');
      r.tr.className = selected === t.id ? 'selected' : '';
      const [uid, affiliation, type, pos, speed, crs, , ageCell] = r.cells;
      setText(uid, t.id);
      setText(affiliation, AFFILIATION[t.affiliation] || t.affiliation);
      setText(type, t.type);
      setText(pos, position(t));
      setText(speed, knots(t.speed));
      setText(crs, course(t));
      setText(r.tag, t.banner);
      r.tag.className = 'tag ' + tagClass(t.banner);
      setText(ageCell, age(t));
      // moved only where the order changed: moving a row would take the focus off its button
      if (body.children[i] !== r.tr) body.insertBefore(r.tr, body.children[i] || null);
    });
  }

  function render() {
    applyFilters();
    renderDetail();
    renderList();
    const s = lastFrame ? Math.round((now() - lastFrame) / 1000) : null;
    setText(statusEl, s === null ? tr('picture.status', Kizuna.fmt.number(tracks.size)) : tr('picture.status.updated', Kizuna.fmt.number(tracks.size), s));
    if (lastFrame) statusEl.dataset.frames = 'yes';
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
      problemEl.textContent = tr('picture.stream.interrupted');
      problemEl.hidden = false;
    };
  }

  let sensorList = [], registration = new Map();   // the sensors the reader is listed; id -> the tracker's estimate

  function signed(m) { const r = Math.round(m); return (r < 0 ? '-' : '+') + Math.abs(r); }

  function metres(m) { return Kizuna.fmt.number(Math.round(m)); }

  // the registration columns of a sensor: bias (or "surveyed (reference)"), uncertainty, reports used
  function registrationCells(s) {
    const r = registration.get(s.id);
    const bias = el('td', { class: 'registration-bias' });
    if (s.surveyed || (r && r.role === 'surveyed')) bias.append(tr('picture.sensor.surveyedReference'));
    else if (r && r.reportsUsed > 0) bias.append(tr('picture.sensor.bias', signed(r.biasEast), signed(r.biasNorth)));
    else bias.append(tr('picture.sensor.noEstimate'));
    if (r && r.jumpedAt) {
      bias.append(' ', el('span', { class: 'tag warn registration-jump' }, tr('picture.sensor.jumped', Kizuna.fmt.time(r.jumpedAt))));
    }
    const reference = s.surveyed || (r && r.role === 'surveyed');
    const sigma = !r || reference ? '—' : Math.round(r.sigmaEast) === Math.round(r.sigmaNorth)
      ? tr('picture.sensor.sigma', metres(r.sigmaEast)) : tr('picture.sensor.sigmaEN', metres(r.sigmaEast), metres(r.sigmaNorth));
    return [bias, el('td', { class: 'registration-sigma' }, sigma), el('td', { class: 'registration-used' }, r ? Kizuna.fmt.number(r.reportsUsed) : '—')];
  }

  function renderSensors() {
    document.getElementById('sensor-count').textContent = Kizuna.fmt.number(sensorList.length);
    document.getElementById('sensor-rows').replaceChildren(...sensorList.map(s => el('tr', { 'data-sensor': s.id },
      el('th', { scope: 'row' }, s.id), el('td', {}, s.platform), el('td', {}, SENSOR_KIND[s.kind] || s.kind),
      el('td', {}, el('span', { class: 'tag ' + tagClass(s.defaultLabel) }, s.defaultLabel)),
      el('td', {}, Kizuna.fmt.number(s.accuracyMetres)), ...registrationCells(s))));
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
    await Kizuna.page({ title: tr('picture.title'), banner: 'UNCLASSIFIED' });
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
