// Authority page: the situation level in force per region and its history, what the Self-Defense Forces may give under
// the level in force, the support requests with their outcomes, and the forms to set a level and request support.
// The levels carry their Japanese names from the reference data; outcomes and reasons are told in the reader's language.
(function () {
  const { api, el, t } = Kizuna;
  const fmt = Kizuna.fmt;
  const problemBox = document.getElementById('problem');
  const regionSelect = document.getElementById('region');
  let facts, me, levels = [];
  const PERMISSION = { ALLOWED: t('authority.permission.ALLOWED'), NOT_ALLOWED: t('authority.permission.NOT_ALLOWED'), DECISION: t('authority.permission.DECISION') };
  const OUTCOME = { ALLOWED: t('authority.outcome.ALLOWED'), REFUSED: t('authority.outcome.REFUSED'), PENDING_DECISION: t('authority.outcome.PENDING_DECISION') };
  const VERIFICATION = { verified: t('authority.verification.verified'), reported: t('authority.verification.reported'),
    unverified: t('authority.verification.unverified') };

  function showProblem(e) { problemBox.hidden = false; problemBox.textContent = e.message; }
  const post = (path, body) => api(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
  const situation = (id) => facts.situations.find(s => s.id === id) || { id, name: id, ja: id, legalBasis: [], sources: [], verification: '' };
  // a situation level by its name in the reader's language: the reference data's Japanese name for a Japanese reader
  const levelName = (id) => { const s = situation(id); return Kizuna.lang === 'ja' ? s.ja : s.name; };
  const regionName = (id) => (facts.regions.find(r => r.id === id) || { name: id }).name;
  const kindName = (id) => (facts.kinds.find(k => k.id === id) || { name: id }).name;
  // the other capital whose time matters beside the reader's: Washington for a reader on Tokyo time, Tokyo for the rest
  const otherZone = () => (Kizuna.me && Kizuna.me.zone === 'Asia/Tokyo') ? 'America/New_York' : 'Asia/Tokyo';

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
      el('td', {}, regionName(l.region)), el('td', { lang: Kizuna.lang }, levelName(l.level)),
      el('td', {}, l.since ? fmt.both(l.since, otherZone()) : '\u2014'), el('td', {}, l.setBy || '\u2014'))));
  }

  function drawHistory(region, history) {
    document.getElementById('history-region').textContent = t('authority.history.count', regionName(region), fmt.number(history.length));
    document.getElementById('history').replaceChildren(...history.slice().reverse().map(h => el('tr', { 'data-setting': h.id, 'data-level': h.level },
      el('td', {}, fmt.both(h.setAt, otherZone())), el('td', {}, levelName(h.level)), el('td', {}, h.setBy), el('td', {}, h.note || ''))));
  }

  function drawMatrix(region) {
    const level = (levels.find(l => l.region === region) || { level: 'peacetime' }).level;
    const s = situation(level);
    document.getElementById('matrix-level').textContent = t('authority.matrix.level', levelName(level), regionName(region));
    const rule = (partner, kind) => facts.rules.find(r => r.situation === level && r.partner === partner && r.kind === kind);
    const cell = (r) => r ? el('td', { class: r.permission, title: r.basis + ' · ' + (VERIFICATION[r.verification] || r.verification) },
      PERMISSION[r.permission] || r.permission, el('div', { class: 'muted' }, r.reason)) : el('td', {}, '\u2014');
    document.getElementById('matrix').replaceChildren(...facts.kinds.map(k => el('tr', { 'data-kind': k.id },
      el('th', { scope: 'row', title: k.description }, k.name), cell(rule('USA', k.id)), cell(rule('OTHER', k.id)))));
    document.getElementById('situation').textContent = (Kizuna.lang === 'ja' ? s.ja : s.ja + ' (' + s.name + ')') + ' · '
      + t('authority.situation.basis', s.legalBasis.join('; ')) + ' · ' + t('authority.situation.sources', s.sources.join(', '), VERIFICATION[s.verification] || s.verification);
  }

  // Why a request has its outcome: the rule of the level in force where this node holds the supporting nation's rules,
  // else that the supporting nation decides; and who decided, once decided.
  function reason(r) {
    let text;
    if (r.decidedOn && r.decidedOn === r.toNation) {
      // sent to the supporting nation's node, which decides it under the level in force there
      text = t('authority.reason.sent', r.toNation);
    } else if (r.toNation !== facts.legislationNation) {
      text = t('authority.reason.other', r.toNation, facts.legislationNation);
    } else {
      const filed = r.decidedBy ? 'PENDING_DECISION' : r.outcome;
      const under = [levelName(r.level), regionName(r.region)];
      text = filed === 'ALLOWED' ? t('authority.reason.allowed', ...under) : filed === 'REFUSED' ? t('authority.reason.refused', ...under)
        : t('authority.reason.pending', r.toNation, ...under);
      const rule = facts.rules.find(x => x.situation === r.level && x.partner === (r.fromNation === 'USA' ? 'USA' : 'OTHER') && x.kind === r.kind);
      if (rule) text += ': ' + rule.reason + ' (' + rule.basis + ')';
    }
    if (r.decidedBy) text += ' · ' + t('authority.reason.decided', r.decidedBy, r.decisionNote || '', fmt.dateTime(r.decidedAt));
    return text;
  }

  function drawRequests(requests) {
    document.getElementById('requests').replaceChildren(...requests.map(r => {
      const row = el('tr', { 'data-request': r.id, 'data-outcome': r.outcome }, el('td', {}, r.id), el('td', {}, r.fromNation + ' \u2192 ' + r.toNation),
        el('td', {}, kindName(r.kind)), el('td', {}, regionName(r.region)),
        el('td', {}, t('authority.needed', fmt.date(r.neededFrom), fmt.date(r.neededTo))),
        el('td', { class: r.outcome }, OUTCOME[r.outcome] || r.outcome),
        el('td', {}, reason(r)), el('td', {}));
      if (r.outcome === 'PENDING_DECISION' && Kizuna.me && Kizuna.me.nation === r.toNation && r.decidedOn !== r.toNation) {
        const decide = (allow) => post('/api/v1/authority/support-requests/' + r.id + '/decision',
          { allow, reason: allow ? t('authority.decision.approved') : t('authority.decision.declined') }).then(load).catch(showProblem);
        row.lastChild.append(el('button', { class: 'allow', type: 'button', onclick: () => decide(true) }, t('authority.decision.allow')), ' ',
          el('button', { class: 'refuse', type: 'button', onclick: () => decide(false) }, t('authority.decision.refuse')));
      }
      return row;
    }));
  }

  document.getElementById('level-form').addEventListener('submit', (e) => {
    e.preventDefault();
    post('/api/v1/authority/levels', { region: regionSelect.value, level: document.getElementById('level-level').value,
      note: document.getElementById('level-note').value }).then(s => {
      document.getElementById('status').textContent = t('authority.status.set', levelName(s.level), regionName(s.region), fmt.dateTime(s.setAt));
      return load();
    }).catch(showProblem);
  });

  document.getElementById('request-form').addEventListener('submit', (e) => {
    e.preventDefault();
    post('/api/v1/authority/support-requests', { from: Kizuna.me.nation, to: document.getElementById('req-to').value,
      kind: document.getElementById('req-kind').value, region: regionSelect.value, neededFrom: document.getElementById('req-from').value,
      neededTo: document.getElementById('req-until').value, label: document.getElementById('req-label').value,
      description: document.getElementById('req-description').value }).then(r => {
      document.getElementById('status').textContent = t('authority.status.requested', r.id, OUTCOME[r.outcome] || r.outcome);
      return load();
    }).catch(showProblem);
  });

  regionSelect.addEventListener('change', load);

  Kizuna.page({ title: t('authority.title'), banner: 'UNCLASSIFIED' }).then(async (user) => {
    [facts, me] = await Promise.all([api('/api/v1/authority/facts'), api('/api/v1/authority/me')]);
    document.getElementById('history-at').textContent = t('authority.history.at-zone', user.zone);
    regionSelect.replaceChildren(...facts.regions.map(r => el('option', { value: r.id }, r.name)));
    const q = new URLSearchParams(location.search);
    if (q.get('region')) regionSelect.value = q.get('region');
    document.getElementById('level-level').replaceChildren(...facts.situations.map(s => el('option', { value: s.id }, levelName(s.id))));
    // support is asked of another nation: the first that is not the reader's
    const to = document.getElementById('req-to');
    to.value = ([...to.options].find(o => o.value !== user.nation) || to.options[0]).value;
    document.getElementById('req-kind').replaceChildren(...facts.kinds.map(k => el('option', { value: k.id }, k.name)));
    const today = Kizuna.instantToLocal(new Date().toISOString()).slice(0, 10);
    document.getElementById('req-from').value = today;
    document.getElementById('req-until').value = today;
    document.getElementById('level-form').hidden = !me.maySetLevels;
    await load();
  }).catch(showProblem);
})();
