// Registry page: each nation's chain of command side by side, coordination links between them, a date
// control that replays the structure, and the shared facilities on an offline Natural Earth map and in a table.
// Every text is the page's language (Kizuna.t); organizations show their Japanese names to Japanese readers.
(function () {
  const { api, el, t } = Kizuna;
  const asOfInput = document.getElementById('asOf');
  const slider = document.getElementById('slider');
  const structure = document.getElementById('structure');
  const problemBox = document.getElementById('problem');
  const replayButton = document.getElementById('replay');
  const today = new Date().toISOString().slice(0, 10);
  asOfInput.max = today;
  slider.max = today.slice(0, 4);
  let shown = new Set();
  let map, facilityLayer, replayTimer = null, requestSeq = 0;

  const VERIFICATION = { verified: t('registry.verification.verified'), reported: t('registry.verification.reported'), unverified: t('registry.verification.unverified') };
  const ORG_KIND = { COMMAND: t('registry.orgKind.command'), COMPONENT: t('registry.orgKind.component'), UNIT: t('registry.orgKind.unit') };
  const FACILITY_KIND = { BASE: t('registry.facilityKind.base'), RANGE: t('registry.facilityKind.range'), PIER: t('registry.facilityKind.pier'),
    AIRSPACE: t('registry.facilityKind.airspace'), TRAINING_AREA: t('registry.facilityKind.trainingArea') };

  // The name a reader of the page's language uses: the Japanese name where the reference data gives one.
  const orgName = (o) => (Kizuna.lang === 'ja' && o.nameJa) ? o.nameJa : o.name;
  const verificationTag = (v) => el('span', { class: 'tag ' + (v === 'verified' ? 'ok' : v === 'reported' ? 'warn' : 'bad') }, VERIFICATION[v] || v);

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
      drawFacilities(facilities, day);
      Kizuna.rollUpBanner([...orgs, ...relations, ...facilities].map(x => x.label)).catch(showProblem);
      document.getElementById('status').textContent = t('registry.status', Kizuna.fmt.number(orgs.length),
        Kizuna.fmt.number(relations.filter(r => r.kind === 'COORDINATION').length), Kizuna.fmt.date(day));
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
    const byId = new Map(orgs.map(o => [o.id, o]));
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
          // a button: reachable and chosen by keyboard as by mouse
          const box = el('button', { type: 'button', class: 'org' + (before.size && !before.has(o.id) ? ' new' : ''), 'data-org': o.id, title: o.name,
            'aria-pressed': 'false' }, el('span', { class: 'abbr' }, o.abbreviation), el('span', { class: 'name' }, orgName(o)));
          if (o.componentOf && ids.has(o.componentOf)) {
            box.append(el('span', { class: 'tag' }, t('registry.componentOf', byId.get(o.componentOf).abbreviation)));
          }
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
    svg.setAttribute('aria-hidden', 'true');
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
      document.querySelectorAll('.org.selected').forEach(e => { e.classList.remove('selected'); e.setAttribute('aria-pressed', 'false'); });
      document.querySelectorAll(`[data-org="${id}"]`).forEach(e => { e.classList.add('selected'); e.setAttribute('aria-pressed', 'true'); });
      const names = (list) => list.length ? list.map(x => x.abbreviation).join(' \u2192 ') : '\u2014';
      const rows = [
        [t('registry.detail.nation'), o.nation + ' · ' + (ORG_KIND[o.kind] || o.kind)],
        [t('registry.detail.location'), (o.location.site || '\u2014') + ' · ' + o.zone],
        [t('registry.detail.valid'), t('registry.detail.validRange', o.validity.from ? Kizuna.fmt.date(o.validity.from) : t('registry.detail.beforeRecords'),
          o.validity.to ? Kizuna.fmt.date(o.validity.to) : t('registry.detail.still'))],
        [t('registry.detail.chain'), names(v.chainOfCommand)],
        [t('registry.detail.subordinates'), names(v.subordinates)],
        [t('registry.detail.partners'), names(v.coordinationPartners)],
        [t('registry.detail.note'), o.provenance.note || '\u2014'],
      ];
      if (orgName(o) !== o.name) rows.unshift([t('registry.detail.englishName'), o.name]);
      const dl = el('dl', {});
      for (const [k, val] of rows) dl.append(el('dt', {}, k), el('dd', {}, val));
      dl.append(el('dt', {}, t('registry.detail.sources')), el('dd', {}, verificationTag(o.provenance.verification), ' ', o.provenance.sources.join(', ')));
      box.replaceChildren(el('h2', {}, orgName(o) + ' (' + o.abbreviation + ')'), dl);
      box.hidden = false;
    } catch (e) { showProblem(e); }
  }

  function drawFacilities(facilities, day) {
    document.getElementById('facility-count').textContent = t('registry.facilities.count', Kizuna.fmt.number(facilities.length), Kizuna.fmt.date(day));
    const rows = document.getElementById('facility-rows');
    const now = new Date();
    rows.replaceChildren(...facilities.map(f => el('tr', { 'data-facility': f.id },
      el('th', { scope: 'row' }, f.name), el('td', {}, FACILITY_KIND[f.kind] || f.kind), el('td', {}, f.hostNation),
      el('td', {}, f.users.join(', ')), el('td', { title: f.jointUseNote || '' }, f.jointUse || '\u2014'),
      el('td', {}, Kizuna.fmt.time(now, f.zone) + ' ', el('span', { class: 'muted' }, f.zone)))));
    if (!map) return;
    facilityLayer.clearLayers();
    for (const f of facilities) {
      const tip = el('span', {}, f.name, el('br'), t('registry.facility.tooltip', f.jointUse || '', f.hostNation));
      L.circleMarker([f.location.lat, f.location.lon], { radius: 6, color: '#4aa3ff', weight: 2, fillColor: '#4aa3ff', fillOpacity: 0.5 })
        .bindTooltip(tip).addTo(facilityLayer);
    }
  }

  async function initMap() {
    map = await Kizuna.worldMap('map', { center: [33, 134], zoom: 5 });
    facilityLayer = L.layerGroup().addTo(map);
  }

  function setDay(day) {
    asOfInput.value = day;
    slider.value = day.slice(0, 4);
    slider.setAttribute('aria-valuetext', day.slice(0, 4));
    load(day);
  }

  function stopReplay() {
    clearInterval(replayTimer);
    replayTimer = null;
    replayButton.setAttribute('aria-pressed', 'false');
    replayButton.textContent = '\u25B6 ' + t('registry.replay');
  }

  asOfInput.addEventListener('change', () => { if (asOfInput.value) { slider.value = asOfInput.value.slice(0, 4); load(asOfInput.value); } });
  slider.addEventListener('input', () => setDay(slider.value === today.slice(0, 4) ? today : slider.value + '-12-31'));
  document.getElementById('today').addEventListener('click', () => setDay(today));
  replayButton.addEventListener('click', () => {
    if (replayTimer) { stopReplay(); return; }
    let year = 1960;
    replayButton.setAttribute('aria-pressed', 'true');
    replayButton.textContent = '\u25A0 ' + t('registry.replay.stop');
    replayTimer = setInterval(() => {
      setDay(year >= Number(today.slice(0, 4)) ? today : year + '-12-31');
      if (++year > Number(today.slice(0, 4))) stopReplay();
    }, 450);
  });

  Kizuna.page({ title: t('registry.title'), banner: 'UNCLASSIFIED' }).then(async () => {
    await initMap().catch(showProblem);
    setDay(new URLSearchParams(location.search).get('asOf') || today);
  });
})();
