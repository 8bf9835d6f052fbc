// Commitments: grouped overdue / due / done / other with owner, organization and deadline; one commitment with the
// statement it was made in, its history and the timeline of how its deadline moved; the owner nation records changes.
(function () {
  const { api, el } = Kizuna;
  const q = new URLSearchParams(location.search);
  function problem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  const verification = (v) => v ? el('span', { class: 'verification ' + v }, v) : '';

  async function groups() {
    document.getElementById('groups').hidden = false;
    const all = await api('/api/v1/commitments');
    const box = document.getElementById('groups');
    box.replaceChildren();
    for (const [key, title] of [['overdue', 'Overdue'], ['due', 'Due soon'], ['done', 'Done'], [null, 'Other open commitments']]) {
      const items = all.filter(c => (c.due || null) === key);
      const t = el('table', {}, el('tr', {}, ...['Commitment', 'Owner', 'Organization', 'Deadline', 'Status', 'Made'].map(h => el('th', {}, h))));
      for (const c of items) {
        t.append(el('tr', { 'data-commitment': c.id }, el('td', {}, el('a', { href: '?id=' + c.id }, c.text)), el('td', {}, c.owner), el('td', {}, c.organization),
          el('td', {}, c.deadline || '—'), el('td', {}, c.status), el('td', { class: 'muted' }, c.statementDay)));
      }
      box.append(el('div', { class: 'panel group ' + (key || 'other'), id: 'group-' + (key || 'other') }, el('h2', {}, title + ' ', el('span', { class: 'count' }, '(' + items.length + ')')),
        items.length ? t : el('p', { class: 'muted' }, 'none')));
    }
    await Kizuna.rollUpBanner(all.map(c => c.label).concat(['UNCLASSIFIED']));
  }

  async function detail(id) {
    document.getElementById('detail').hidden = false;
    const d = await api('/api/v1/commitments/' + encodeURIComponent(id));
    const c = d.commitment, s = d.statement;
    Kizuna.setBanner(c.label);
    document.getElementById('heading').textContent = c.text;
    const box = document.getElementById('detail');
    const facts = el('div', { class: 'panel' },
      el('div', {}, el('b', {}, 'Status: '), c.status, c.due ? ' (' + c.due + ')' : ''),
      el('div', {}, el('b', {}, 'Owner: '), c.owner, ' · ', el('b', {}, 'Organization: '), c.organization, c.organizationNote ? el('span', { class: 'muted' }, ' — ' + c.organizationNote) : ''),
      el('div', {}, el('b', {}, 'Deadline: '), c.deadline || 'none', c.deadlineNote ? el('span', { class: 'muted' }, ' — as first stated: ' + c.deadlineNote) : ''),
      el('div', {}, el('b', {}, 'Evidence: '), c.evidence ? c.evidence.text : 'none', c.evidence && c.evidence.url ? el('span', {}, ' ', el('a', { href: c.evidence.url, rel: 'noreferrer' }, 'source')) : ''),
      el('div', {}, el('b', {}, 'Made in: '), s.date + ' ' + s.title + ' (' + s.forum + ') ', verification(s.verification), s.forumNote ? el('span', { class: 'muted' }, ' — ' + s.forumNote) : ''),
      el('div', { class: 'muted' }, 'Sources: ', ...c.sources.map(x => el('span', {}, el('a', { href: x.url, rel: 'noreferrer' }, x.publisher), ' '))),
      c.note ? el('div', { class: 'muted' }, c.note) : '');
    const moves = d.history.filter(h => h.deadlineChanged);
    const timeline = el('div', { class: 'panel' }, el('h2', {}, 'How the deadline moved'),
      el('div', { class: 'timeline', id: 'deadline-timeline' }, ...moves.map(h => el('div', { class: 'step deadline', 'data-dated': h.dated },
        el('span', { class: 'when' }, h.dated), el('span', { class: 'moved' }, (h.deadlineFrom || 'none') + ' → ' + (h.deadlineTo || 'no date')), ' ', verification(h.verification),
        h.note ? el('div', { class: 'muted' }, h.note) : ''))));
    const history = el('div', { class: 'panel' }, el('h2', {}, 'History'), el('div', { class: 'timeline' }, ...d.history.map(h => el('div', { class: 'step' },
      el('span', { class: 'when' }, h.dated), el('b', {}, h.by), ' ',
      h.statusTo ? (h.statusFrom ? h.statusFrom + ' → ' : '') + h.statusTo + ' ' : '', h.deadlineChanged ? 'deadline ' + (h.deadlineFrom || 'none') + ' → ' + (h.deadlineTo || 'none') + ' ' : '',
      verification(h.verification), h.evidence ? el('div', {}, 'evidence: ' + h.evidence.text) : '', h.note ? el('div', { class: 'muted' }, h.note) : ''))));
    const form = el('form', { class: 'panel form', id: 'change' }, el('h2', {}, 'Record a change (' + c.owner + ' planners)'),
      el('label', {}, 'Status ', (() => { const x = el('select', { name: 'status' }, el('option', { value: '' }, '(unchanged)'), ...['OPEN', 'IN_PROGRESS', 'DONE', 'DELAYED', 'CANCELLED'].map(o => el('option', {}, o))); return x; })()),
      el('label', {}, 'Deadline ', el('input', { name: 'deadline', type: 'date' })),
      el('label', {}, 'Evidence ', el('input', { name: 'evidence', size: 60 })),
      el('label', {}, 'Note ', el('input', { name: 'note', size: 60, required: 'required' })),
      el('button', { class: 'primary', type: 'submit' }, 'Record'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = new FormData(form), body = { note: f.get('note') };
      if (f.get('status')) body.status = f.get('status');
      if (f.get('deadline')) body.deadline = f.get('deadline');
      if (f.get('evidence')) body.evidence = { text: f.get('evidence') };
      try { await api(`/api/v1/commitments/${c.id}/changes`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) }); location.reload(); } catch (err) { problem(err); }
    });
    box.replaceChildren(facts, timeline, history, form);
    box.querySelectorAll('.panel').forEach(x => { x.style.marginBottom = '12px'; });
  }

  Kizuna.page({ title: 'Commitments' }).then(() => q.get('id') ? detail(q.get('id')) : groups()).catch(problem);
})();
