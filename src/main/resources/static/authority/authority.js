// Authority page: the situation level in force per region and its history, what the Self-Defense Forces may give under
// the level in force, the support requests with their outcomes, and the forms to set a level and request support.
(function () {
  const { api, el } = Kizuna;
  const problemBox = document.getElementById('problem');
  const regionSelect = document.getElementById('region');
  let facts, me, levels = [];

  function showProblem(e) { problemBox.hidden = false; problemBox.textContent = e.message; }
  const post = (path, body) => api(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
  const situation = (id) => facts.situations.find(s => s.id === id);
  const regionName = (id) => (facts.regions.find(r => r.id === id) || { name: id }).name;
  const kindName = (id) => (facts.kinds.find(k => k.id === id) || { name: id }).name;

  async function load() {
    try {
      const region = regionSelect.value;
      const [l, history, requests] = await Promise.all([api('/api/v1/authority/levels'),
        api('/api/v1/authority/levels/history?region=' + encodeURIComponent(region)), api('/api/v1/authority/support-requests')]);
      problemBox.hidden = true;
      levels = l;
      drawLevels(); drawHistory(region, history); drawMatrix(region); drawRequests(requests);
      Kizuna.rollUpBanner(['UNCLASSIFIED', ...requests.map(r => r.label)]).catch(showProblem);
    } catch (e) { showProblem(e); }
  }

  function drawLevels() {
    document.getElementById('levels').replaceChildren(...levels.map(l => el('tr', { 'data-region': l.region, 'data-level': l.level },
      el('td', {}, regionName(l.region)), el('td', { title: situation(l.level).ja }, situation(l.level).name),
      el('td', {}, l.since ? l.since.replace('T', ' ').slice(0, 19) : '\u2014'), el('td', {}, l.setBy || '\u2014'))));
  }

  function drawHistory(region, history) {
    document.getElementById('history-region').textContent = regionName(region) + ' · ' + history.length + ' settings';
    document.getElementById('history').replaceChildren(...history.slice().reverse().map(h => el('tr', { 'data-setting': h.id },
      el('td', {}, h.setAt.replace('T', ' ').slice(0, 19)), el('td', {}, h.level), el('td', {}, h.setBy), el('td', {}, h.note || ''))));
  }

  function drawMatrix(region) {
    const level = (levels.find(l => l.region === region) || { level: 'peacetime' }).level;
    const s = situation(level);
    document.getElementById('matrix-level').textContent = s.name + ' in ' + regionName(region);
    const rule = (partner, kind) => facts.rules.find(r => r.situation === level && r.partner === partner && r.kind === kind);
    const cell = (r) => el('td', { class: r.permission, title: r.basis + ' · ' + r.verification }, r.permission.replace('_', ' ').toLowerCase(),
      el('div', { class: 'muted' }, r.reason));
    document.getElementById('matrix').replaceChildren(...facts.kinds.map(k => el('tr', { 'data-kind': k.id },
      el('td', { title: k.description }, k.name), cell(rule('USA', k.id)), cell(rule('OTHER', k.id)))));
    document.getElementById('situation').textContent = s.ja + ' · legal basis: ' + s.legalBasis.join('; ') + ' · sources: '
      + s.sources.join(', ') + ' (' + s.verification + ')';
  }

  function drawRequests(requests) {
    document.getElementById('requests').replaceChildren(...requests.map(r => {
      const row = el('tr', { 'data-request': r.id, 'data-outcome': r.outcome }, el('td', {}, r.id), el('td', {}, r.fromNation + ' \u2192 ' + r.toNation),
        el('td', {}, kindName(r.kind)), el('td', {}, regionName(r.region)), el('td', { class: r.outcome }, r.outcome.replace('_', ' ').toLowerCase()),
        el('td', {}, r.reason + (r.decidedBy ? ' · decided by ' + r.decidedBy + ': ' + r.decisionNote : '')), el('td', {}));
      if (r.outcome === 'PENDING_DECISION' && Kizuna.me && Kizuna.me.nation === r.toNation) {
        const decide = (allow) => post('/api/v1/authority/support-requests/' + r.id + '/decision', { allow, reason: allow ? 'approved' : 'declined' })
          .then(load).catch(showProblem);
        row.lastChild.append(el('button', { class: 'allow', onclick: () => decide(true) }, 'Allow'), ' ',
          el('button', { class: 'refuse', onclick: () => decide(false) }, 'Refuse'));
      }
      return row;
    }));
  }

  document.getElementById('level-form').addEventListener('submit', (e) => {
    e.preventDefault();
    post('/api/v1/authority/levels', { region: regionSelect.value, level: document.getElementById('level-level').value,
      note: document.getElementById('level-note').value }).then(s => {
      document.getElementById('status').textContent = 'set ' + s.level + ' in ' + s.region + ' at ' + s.setAt;
      return load();
    }).catch(showProblem);
  });

  document.getElementById('request-form').addEventListener('submit', (e) => {
    e.preventDefault();
    post('/api/v1/authority/support-requests', { from: Kizuna.me.nation, to: document.getElementById('req-to').value,
      kind: document.getElementById('req-kind').value, region: regionSelect.value, neededFrom: document.getElementById('req-from').value,
      neededTo: document.getElementById('req-until').value, label: document.getElementById('req-label').value,
      description: document.getElementById('req-description').value }).then(r => {
      document.getElementById('status').textContent = r.id + ' ' + r.outcome;
      return load();
    }).catch(showProblem);
  });

  regionSelect.addEventListener('change', load);

  Kizuna.page({ title: 'Authority', banner: 'UNCLASSIFIED' }).then(async () => {
    [facts, me] = await Promise.all([api('/api/v1/authority/facts'), api('/api/v1/authority/me')]);
    regionSelect.replaceChildren(...facts.regions.map(r => el('option', { value: r.id }, r.name)));
    const q = new URLSearchParams(location.search);
    if (q.get('region')) regionSelect.value = q.get('region');
    document.getElementById('level-level').replaceChildren(...facts.situations.map(s => el('option', { value: s.id }, s.name)));
    document.getElementById('req-kind').replaceChildren(...facts.kinds.map(k => el('option', { value: k.id }, k.name)));
    const today = new Date().toISOString().slice(0, 10);
    document.getElementById('req-from').value = today;
    document.getElementById('req-until').value = today;
    document.getElementById('level-form').hidden = !me.maySetLevels;
    await load();
  }).catch(showProblem);
})();
