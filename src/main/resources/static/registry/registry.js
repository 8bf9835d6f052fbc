// Registry page: each nation's chain of command side by side, coordination links between them, a date
// control that replays the structure, and the shared facilities on an offline Natural Earth map.
(function () {
  const { api, el } = Kizuna;
  const asOfInput = document.getElementById('asOf');
  const slider = document.getElementById('slider');
  const structure = document.getElementById('structure');
  const problemBox = document.getElementById('problem');
  const today = new Date().toISOString().slice(0, 10);
  asOfInput.max = today;
  slider.max = today.slice(0, 4);
  let shown = new Set();
  let map, facilityLayer, replayTimer = null, requestSeq = 0;

  const verificationTag = (v) => el('span', { class: 'tag ' + (v === 'verified' ? 'ok' : v === 'reported' ? 'warn' : 'bad') }, v);

  function showProblem(e) {
    problemBox.hidden = false;
    problemBox.textContent = e.message;
  }

  async function load(day) {
    const seq = ++requestSeq;
    try {
      const [orgs, relations, facilities] = await Promise.all([
        api('/api/v1/registry/organizations?asOf=' + day),
        api('/api/v1/registry/relations?asOf=' + day),
        api('/api/v1/registry/facilities?asOf=' + day)]);
      if (seq !== requestSeq) return;
      problemBox.hidden = true;
      drawStructure(orgs, relations);
      drawFacilities(facilities);
      Kizuna.rollUpBanner([...orgs, ...relations, ...facilities].map(x => x.label)).catch(showProblem);
      document.getElementById('status').textContent = orgs.length + ' organizations, ' +
        relations.filter(r => r.kind === 'COORDINATION').length + ' coordination links as of ' + day;
      structure.dataset.asOf = day;
    } catch (e) { showProblem(e); }
  }

  function drawStructure(orgs, relations) {
    const before = shown;
    shown = new Set(orgs.map(o => o.id));
    structure.replaceChildren();
    const byNation = new Map();
    for (const o of orgs) { if (!byNation.has(o.nation)) byNation.set(o.nation, []); byNation.get(o.nation).push(o); }
    const ids = new Set(orgs.map(o => o.id));
    for (const [nation, list] of [...byNation.entries()].sort((a, b) => a[0] === 'USA' ? -1 : b[0] === 'USA' ? 1 : a[0].localeCompare(b[0]))) {
      const children = new Map();
      for (const o of list) {
        const p = o.parent && ids.has(o.parent) ? o.parent : null;
        if (!children.has(p)) children.set(p, []);
        children.get(p).push(o);
      }
      const tree = (parent) => {
        const ul = el('ul', { class: 'tree' });
        for (const o of (children.get(parent) || []).sort((a, b) => a.abbreviation.localeCompare(b.abbreviation))) {
          const box = el('span', { class: 'org' + (before.size && !before.has(o.id) ? ' new' : ''), 'data-org': o.id, title: o.name },
            el('span', { class: 'abbr' }, o.abbreviation), el('span', { class: 'name' }, o.name));
          if (o.componentOf && ids.has(o.componentOf)) box.append(el('span', { class: 'tag' }, 'component of ' + o.componentOf.toUpperCase()));
          box.addEventListener('click', () => detail(o.id));
          const li = el('li', {}, box);
          if (children.has(o.id)) li.append(tree(o.id));
          ul.append(li);
        }
        return ul;
      };
      structure.append(el('div', { class: 'nation', 'data-nation': nation }, el('h3', {}, nation), tree(null)));
    }
    requestAnimationFrame(() => drawLinks(relations.filter(r => r.kind === 'COORDINATION')));
  }

  function drawLinks(links) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'links');
    svg.setAttribute('width', structure.scrollWidth);
    svg.setAttribute('height', structure.scrollHeight);
    const origin = structure.getBoundingClientRect();
    for (const r of links) {
      const a = structure.querySelector(`[data-org="${r.from}"]`), b = structure.querySelector(`[data-org="${r.to}"]`);
      if (!a || !b) continue;
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      const leftToRight = ra.left < rb.left;
      const x1 = (leftToRight ? ra.right : ra.left) - origin.left + structure.scrollLeft, y1 = ra.top + ra.height / 2 - origin.top;
      const x2 = (leftToRight ? rb.left : rb.right) - origin.left + structure.scrollLeft, y2 = rb.top + rb.height / 2 - origin.top;
      const path = document.createElementNS(ns, 'path');
      const mx = (x1 + x2) / 2;
      path.setAttribute('d', `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`);
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', '#e3b341');
      path.setAttribute('stroke-width', '2');
      path.setAttribute('stroke-dasharray', '6 4');
      path.setAttribute('data-relation', r.id);
      const title = document.createElementNS(ns, 'title');
      title.textContent = r.note || r.id;
      path.append(title);
      svg.append(path);
    }
    structure.append(svg);
  }

  async function detail(id) {
    const box = document.getElementById('detail');
    try {
      const v = await api('/api/v1/registry/organizations/' + encodeURIComponent(id) + '?asOf=' + asOfInput.value);
      const o = v.organization;
      document.querySelectorAll('.org.selected').forEach(e => e.classList.remove('selected'));
      document.querySelectorAll(`[data-org="${id}"]`).forEach(e => e.classList.add('selected'));
      const names = (list) => list.length ? list.map(x => x.abbreviation).join(' \u2192 ') : '\u2014';
      box.replaceChildren(el('h2', {}, o.name + ' (' + o.abbreviation + ')'),
        el('dl', {},
          el('dt', {}, 'Nation'), el('dd', {}, o.nation + ' · ' + o.kind.toLowerCase()),
          el('dt', {}, 'Location'), el('dd', {}, (o.location.site || '\u2014') + ' · ' + o.zone),
          el('dt', {}, 'Valid'), el('dd', {}, (o.validity.from || 'before records') + ' \u2013 ' + (o.validity.to || 'today')),
          el('dt', {}, 'Chain of command'), el('dd', {}, names(v.chainOfCommand)),
          el('dt', {}, 'Subordinates'), el('dd', {}, names(v.subordinates)),
          el('dt', {}, 'Coordinates with'), el('dd', {}, names(v.coordinationPartners)),
          el('dt', {}, 'Note'), el('dd', {}, o.provenance.note || '\u2014'),
          el('dt', {}, 'Sources'), el('dd', {}, verificationTag(o.provenance.verification), ' ', o.provenance.sources.join(', '))));
      box.hidden = false;
    } catch (e) { showProblem(e); }
  }

  function localTime(zone) {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(new Date());
  }

  function drawFacilities(facilities) {
    document.getElementById('facility-count').textContent = facilities.length + ' as of ' + asOfInput.value;
    const rows = document.getElementById('facility-rows');
    rows.replaceChildren(...facilities.map(f => el('tr', { 'data-facility': f.id },
      el('td', {}, f.name), el('td', {}, f.kind.toLowerCase().replace('_', ' ')), el('td', {}, f.hostNation),
      el('td', {}, f.users.join(', ')), el('td', { title: f.jointUseNote || '' }, f.jointUse || '\u2014'),
      el('td', {}, localTime(f.zone) + ' ', el('span', { class: 'muted' }, f.zone)))));
    if (!map) return;
    facilityLayer.clearLayers();
    for (const f of facilities) {
      L.circleMarker([f.location.lat, f.location.lon], { radius: 6, color: '#4aa3ff', weight: 2, fillColor: '#4aa3ff', fillOpacity: 0.5 })
        .bindTooltip(`${f.name}<br>${f.jointUse || ''} · host ${f.hostNation}`).addTo(facilityLayer);
    }
  }

  async function initMap() {
    map = await Kizuna.worldMap('map', { center: [33, 134], zoom: 5 });
    facilityLayer = L.layerGroup().addTo(map);
  }

  function setDay(day) {
    asOfInput.value = day;
    slider.value = day.slice(0, 4);
    load(day);
  }

  asOfInput.addEventListener('change', () => { if (asOfInput.value) { slider.value = asOfInput.value.slice(0, 4); load(asOfInput.value); } });
  slider.addEventListener('input', () => setDay(slider.value === today.slice(0, 4) ? today : slider.value + '-12-31'));
  document.getElementById('today').addEventListener('click', () => setDay(today));
  document.getElementById('replay').addEventListener('click', () => {
    if (replayTimer) { clearInterval(replayTimer); replayTimer = null; return; }
    let year = 1960;
    replayTimer = setInterval(() => {
      setDay(year >= Number(today.slice(0, 4)) ? today : year + '-12-31');
      if (++year > Number(today.slice(0, 4))) { clearInterval(replayTimer); replayTimer = null; }
    }, 450);
  });

  Kizuna.page({ title: 'Registry', banner: 'UNCLASSIFIED' }).then(async () => {
    await initMap().catch(showProblem);
    setDay(new URLSearchParams(location.search).get('asOf') || today);
  });
})();
