// Commitments: grouped overdue / due / done / other with owner, organization and deadline; one commitment with the
// statement it was made in, its history and the timeline of how its deadline moved; the owner nation records changes.
// A deadline is a day of the owner nation's calendar: when it ends is shown in the reader's time and the other
// nation's capital's (Tokyo and Washington).
(function () {
  const { api, el, t } = Kizuna;
  const fmt = Kizuna.fmt;
  const q = new URLSearchParams(location.search);
  function problem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  const STATUS = { OPEN: t('commitments.status.OPEN'), IN_PROGRESS: t('commitments.status.IN_PROGRESS'), DONE: t('commitments.status.DONE'),
    DELAYED: t('commitments.status.DELAYED'), CANCELLED: t('commitments.status.CANCELLED') };
  const DUE = { overdue: t('commitments.due.overdue'), due: t('commitments.due.due'), done: t('commitments.due.done') };
  const VERIFICATION = { verified: t('commitments.verification.verified'), reported: t('commitments.verification.reported'),
    unverified: t('commitments.verification.unverified') };
  const FORUM = { 'SCC (2+2)': t('commitments.forum.scc') };
  // the capitals whose working day a deadline is read against
  const ZONES = { JPN: 'Asia/Tokyo', USA: 'America/New_York' };
  const CITY = { 'Asia/Tokyo': t('commitments.city.tokyo'), 'America/New_York': t('commitments.city.washington') };
  const th = (text) => el('th', { scope: 'col' }, text);
  const verification = (v) => v ? el('span', { class: 'verification ' + v, 'data-verification': v }, VERIFICATION[v] || v) : '';
  const status = (s) => STATUS[s] || s;

  // a date as the sources give it: a day (2006-05-01) or a month whose day is not known (2011-06)
  function dated(text) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text || '')) return fmt.date(text);
    const m = /^(\d{4})-(\d{2})$/.exec(text || '');
    if (!m) return text || '—';
    return new Intl.DateTimeFormat(Kizuna.lang === 'ja' ? 'ja-JP' : 'en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' })
      .format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  }
  const ownerZone = (owner) => ZONES[owner] || ZONES.USA;
  // the other nation's capital: where the owner is Japan, Washington; else Tokyo
  const otherZone = (c) => c.owner === 'JPN' ? ZONES.USA : ZONES.JPN;
  // the last minute of the deadline's day in the owner nation's capital
  const deadlineEnds = (c) => Kizuna.localToInstant(c.deadline + 'T23:59', ownerZone(c.owner));
  function deadlineCell(c) {
    if (!c.deadline) return el('td', {}, '—');
    const end = deadlineEnds(c), other = otherZone(c);
    return el('td', { 'data-deadline': c.deadline }, fmt.date(c.deadline),
      el('div', { class: 'muted small' }, t('commitments.deadline.other', CITY[other], fmt.time(end, other))));
  }

  async function groups() {
    document.getElementById('groups').hidden = false;
    const all = await api('/api/v1/commitments');
    const box = document.getElementById('groups');
    box.replaceChildren();
    for (const [key, title] of [['overdue', DUE.overdue], ['due', DUE.due], ['done', DUE.done], [null, t('commitments.due.other')]]) {
      const items = all.filter(c => (c.due || null) === key);
      const id = 'group-' + (key || 'other');
      const table = el('table', {}, el('thead', {}, el('tr', {}, th(t('commitments.col.commitment')), th(t('commitments.col.owner')),
        th(t('commitments.col.organization')), th(t('commitments.col.deadline')), th(t('commitments.col.status')), th(t('commitments.col.made')))));
      const body = el('tbody', {});
      for (const c of items) {
        body.append(el('tr', { 'data-commitment': c.id }, el('td', {}, el('a', { href: '?id=' + c.id }, c.text)), el('td', {}, c.owner), el('td', {}, c.organization),
          deadlineCell(c), el('td', { 'data-status': c.status }, status(c.status)), el('td', { class: 'muted' }, fmt.date(c.statementDay))));
      }
      table.append(body);
      box.append(el('section', { class: 'panel group ' + (key || 'other'), id, 'aria-labelledby': id + '-heading' },
        el('h2', { id: id + '-heading' }, title + ' ', el('span', { class: 'count' }, t('commitments.count', items.length))),
        items.length ? table : el('p', { class: 'muted' }, t('common.none'))));
    }
    await Kizuna.rollUpBanner(all.map(c => c.label).concat(['UNCLASSIFIED']));
  }

  async function detail(id) {
    document.getElementById('detail').hidden = false;
    const d = await api('/api/v1/commitments/' + encodeURIComponent(id));
    const c = d.commitment, s = d.statement;
    Kizuna.setBanner(c.label);
    document.getElementById('heading').textContent = c.text;
    document.title = c.text + ' · Kizuna';
    const box = document.getElementById('detail');
    const fact = (label, ...value) => el('div', {}, el('b', {}, label + ' '), ...value);
    const deadline = c.deadline
      ? [el('span', { id: 'deadline', 'data-deadline': c.deadline }, fmt.date(c.deadline)), ' ',
        el('span', { class: 'muted', id: 'deadline-ends' }, t('commitments.deadline.ends', CITY[ownerZone(c.owner)], fmt.both(deadlineEnds(c), otherZone(c))))]
      : [t('commitments.deadline.none')];
    const facts = el('div', { class: 'panel' },
      fact(t('commitments.fact.status'), status(c.status), c.due ? ' (' + DUE[c.due] + ')' : ''),
      fact(t('commitments.fact.owner'), c.owner, ' · ', el('b', {}, t('commitments.fact.organization') + ' '), c.organization,
        c.organizationNote ? el('span', { class: 'muted' }, ' — ' + c.organizationNote) : ''),
      fact(t('commitments.fact.deadline'), ...deadline, c.deadlineNote ? el('div', { class: 'muted' }, t('commitments.deadline.as-stated', c.deadlineNote)) : ''),
      fact(t('commitments.fact.evidence'), c.evidence ? c.evidence.text : t('common.none'),
        c.evidence && c.evidence.url ? el('span', {}, ' ', el('a', { href: c.evidence.url, rel: 'noreferrer' }, t('commitments.source'))) : ''),
      fact(t('commitments.fact.made-in'), dated(s.date) + ' ' + s.title + ' (' + (FORUM[s.forum] || s.forum) + ') ', verification(s.verification),
        s.forumNote ? el('span', { class: 'muted' }, ' — ' + s.forumNote) : ''),
      el('div', { class: 'muted' }, t('commitments.sources') + ' ', ...c.sources.map(x => el('span', {}, el('a', { href: x.url, rel: 'noreferrer' }, x.publisher), ' '))),
      c.note ? el('div', { class: 'muted' }, c.note) : '');
    const day = (x) => x ? fmt.date(x) : t('commitments.deadline.no-date');
    const moves = d.history.filter(h => h.deadlineChanged);
    const timeline = el('section', { class: 'panel', 'aria-labelledby': 'moves-heading' }, el('h2', { id: 'moves-heading' }, t('commitments.moves')),
      el('ol', { class: 'timeline', id: 'deadline-timeline' }, ...moves.map(h => el('li', { class: 'step deadline', 'data-dated': h.dated },
        el('span', { class: 'when' }, dated(h.dated)), el('span', { class: 'moved', 'data-from': h.deadlineFrom || '', 'data-to': h.deadlineTo || '' },
          day(h.deadlineFrom) + ' → ' + day(h.deadlineTo)), ' ', verification(h.verification),
        h.note ? el('div', { class: 'muted' }, h.note) : ''))));
    const history = el('section', { class: 'panel', 'aria-labelledby': 'history-heading' }, el('h2', { id: 'history-heading' }, t('commitments.history')),
      el('ol', { class: 'timeline' }, ...d.history.map(h => el('li', { class: 'step' },
        el('span', { class: 'when' }, dated(h.dated)), el('b', {}, h.by === 'reference data' ? t('commitments.by.reference') : h.by), ' ',
        h.statusTo ? (h.statusFrom ? status(h.statusFrom) + ' → ' : '') + status(h.statusTo) + ' ' : '',
        h.deadlineChanged ? t('commitments.history.deadline', day(h.deadlineFrom), day(h.deadlineTo)) + ' ' : '',
        verification(h.verification), h.evidence ? el('div', {}, t('commitments.history.evidence', h.evidence.text)) : '',
        h.note ? el('div', { class: 'muted' }, h.note) : ''))));
    const form = el('form', { class: 'panel form', id: 'change' }, el('h2', {}, t('commitments.form.heading', c.owner)),
      el('label', {}, t('commitments.form.status') + ' ', el('select', { name: 'status' }, el('option', { value: '' }, t('commitments.form.unchanged')),
        ...Object.keys(STATUS).map(o => el('option', { value: o }, STATUS[o])))),
      el('label', {}, t('commitments.form.deadline', CITY[ownerZone(c.owner)]) + ' ', el('input', { name: 'deadline', type: 'date' })),
      el('label', {}, t('commitments.form.evidence') + ' ', el('input', { name: 'evidence', size: 60 })),
      el('label', {}, t('commitments.form.note') + ' ', el('input', { name: 'note', size: 60, required: 'required' })),
      el('button', { class: 'primary', type: 'submit' }, t('commitments.form.submit')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = new FormData(form), body = { note: f.get('note') };
      if (f.get('status')) body.status = f.get('status');
      if (f.get('deadline')) body.deadline = f.get('deadline');
      if (f.get('evidence')) body.evidence = { text: f.get('evidence') };
      try { await api(`/api/v1/commitments/${c.id}/changes`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) }); location.reload(); } catch (err) { problem(err); }
    });
    box.replaceChildren(facts, timeline, history, form);
  }

  Kizuna.page({ title: t('commitments.title') }).then(() => {
    document.getElementById('zones').textContent = t('commitments.zones', Kizuna.me.zone);
    return q.get('id') ? detail(q.get('id')) : groups();
  }).catch(problem);
})();
