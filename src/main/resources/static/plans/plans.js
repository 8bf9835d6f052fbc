// Plans: the list, one plan with its versions and each nation's approval (approve binds to the version's hash),
// an editor that makes a change (a new draft once a version is approved), and two versions side by side.
(function () {
  const { api, el } = Kizuna;
  const q = new URLSearchParams(location.search);
  const show = (id) => { for (const s of ['list', 'plan', 'diff']) document.getElementById(s).hidden = s !== id; };
  function problem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  function status(t) { document.getElementById('status').textContent = t; }
  const post = (path, body) => api(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
  const tag = (s) => el('span', { class: 'tag ' + (s === 'APPROVED' ? 'ok' : s === 'DRAFT' ? 'warn' : '') }, s);

  async function list() {
    show('list');
    const plans = await api('/api/v1/plans');
    const t = el('table', {}, el('tr', {}, ...['Plan', 'Kind', 'Nations', 'Newest version', 'Approved', 'Label'].map(h => el('th', {}, h))));
    for (const p of plans) {
      t.append(el('tr', { 'data-plan': p.id },
        el('td', {}, el('a', { href: '?plan=' + p.id }, p.title || '(title not releasable to you)')),
        el('td', {}, p.kind), el('td', {}, p.nations.join(', ')),
        el('td', {}, 'v' + p.latestVersion + ' ', tag(p.latestStatus)),
        el('td', {}, p.approvedVersion ? 'v' + p.approvedVersion : '—'), el('td', { class: 'muted' }, p.label)));
    }
    const box = document.getElementById('list');
    box.replaceChildren(plans.length ? t : el('p', { class: 'muted' }, 'No plans you may read.'));
    Kizuna.setBanner(plans.length ? (await Kizuna.rollUpBanner(plans.map(p => p.label))) : 'UNCLASSIFIED');
  }

  function sectionView(s) {
    return el('div', { class: 'section', 'data-key': s.key }, el('span', { class: 'mark' }, s.label), el('b', {}, s.heading), el('div', { class: 'text' }, s.text));
  }

  async function plan(id) {
    show('plan');
    const p = await api('/api/v1/plans/' + encodeURIComponent(id));
    Kizuna.setBanner(p.label);
    document.getElementById('heading').textContent = p.title || '(title not releasable to you)';
    const me = Kizuna.me || {};
    const box = document.getElementById('plan');
    const head = el('div', { class: 'panel' },
      el('div', { class: 'muted' }, p.kind + ' · ' + p.id + ' · by ' + p.createdBy + ' · ' + (p.titleLabel ? 'title ' + p.titleLabel : '')),
      el('div', {}, 'Designated approvers: ', p.nations.map(n => n.nation + ' ' + n.approver).join(', ')),
      p.originator ? el('div', { id: 'originator' }, el('span', { class: 'tag' }, 'shared by ' + p.originator),
        ' a read-only replica: an approval or a comment given here is sent to ' + p.originator + "'s node, which applies it or refuses it") : '');
    const versions = el('table', { class: 'versions' }, el('tr', {}, ...['Version', 'Status', 'Approvals', 'Hash', ''].map(h => el('th', {}, h))));
    for (const v of p.versions.slice().reverse()) {
      const approvals = el('td', {}, ...v.approvals.map(a => el('div', {}, a.nation + ': ', a.approved ? el('span', { class: 'tag ok' }, 'approved by ' + a.approvedBy) : el('span', { class: 'tag' }, 'not yet (' + a.approver + ')'))));
      const actions = el('td', {});
      const mine = v.approvals.find(a => a.nation === me.nation);
      if (v.number === p.latestVersion && v.status === 'DRAFT' && mine && mine.approver === me.username && !mine.approved) {
        actions.append(el('button', { class: 'primary', id: 'approve', onclick: async () => {
          try {
            await post(`/api/v1/plans/${p.id}/versions/${v.number}/approvals`, { hash: v.hash });
            status((p.originator ? 'approval sent to ' + p.originator + ' for version ' : 'approved version ') + v.number + ' (' + v.hash.slice(0, 12) + '…)');
            await plan(id);
          } catch (e) { problem(e); }
        } }, 'Approve v' + v.number + ' (hash ' + v.hash.slice(0, 12) + '…)'));
      }
      if (v.number > 1) actions.append(' ', el('a', { href: `?plan=${p.id}&from=${v.number - 1}&to=${v.number}` }, 'diff v' + (v.number - 1) + '→v' + v.number));
      versions.append(el('tr', { 'data-version': v.number }, el('td', {}, 'v' + v.number), el('td', {}, tag(v.status)), approvals,
        el('td', { class: 'hash' }, v.hash), actions));
    }
    const latest = p.versions[p.versions.length - 1];
    const sections = el('div', { class: 'panel' }, el('h2', {}, 'Version ' + latest.number + ' (' + latest.status.toLowerCase() + ')'), ...latest.sections.map(sectionView));
    const comments = el('form', { class: 'panel', id: 'comments' }, el('h2', {}, 'Comments'),
      ...p.comments.map(c => el('div', { class: 'section' }, el('span', { class: 'mark' }, c.label), el('b', {}, c.author + ' (' + c.nation + ')'),
        el('span', { class: 'muted' }, ' ' + new Date(c.at).toISOString().slice(0, 16).replace('T', ' ')), el('div', { class: 'text' }, c.text))),
      ...p.requests.map(r => el('div', { class: 'muted', 'data-request': r.id }, (r.kind === 'plan-approval' ? 'approval of v' + r.version : 'comment') + ' by ' + r.by
        + ' sent to ' + p.originator + ': ' + r.state + (r.reason && r.state !== 'accepted' ? ' — ' + r.reason : ''))),
      el('input', { name: 'marking', value: '(U)', size: 30 }), ' ', (() => { const t = el('textarea', { name: 'comment', placeholder: 'comment' }); return t; })(),
      el('button', { class: 'primary', type: 'submit' }, 'Comment'));
    comments.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await post(`/api/v1/plans/${p.id}/comments`, { marking: comments.querySelector('[name=marking]').value, text: comments.querySelector('[name=comment]').value });
        status(p.originator ? 'comment sent to ' + p.originator : 'comment added');
        await plan(id);
      } catch (err) { problem(err); }
    });
    const editor = p.originator ? el('div', {}) : el('form', { class: 'panel editor', id: 'editor' }, el('h2', {}, 'Change the plan'),
      el('p', { class: 'muted' }, 'A draft no nation approved is amended; once a version is approved or a nation approved it, a change makes a new draft.'));
    const secs = el('div', {});
    const addSec = (s) => secs.append(el('div', { class: 'sec', 'data-key': s.key || '' },
      el('input', { name: 'heading', value: s.heading || '', placeholder: 'heading', size: 40 }), el('input', { name: 'marking', value: s.label || '(U)', size: 30 }),
      el('button', { type: 'button', onclick: (e) => e.target.closest('.sec').remove() }, 'Remove'),
      (() => { const t = el('textarea', { name: 'text' }); t.value = s.text || ''; return t; })()));
    latest.sections.forEach(addSec);
    if (!p.originator) editor.append(secs, el('button', { type: 'button', onclick: () => addSec({}) }, 'Add a section'), ' ',
      el('input', { name: 'note', placeholder: 'note', size: 40 }), ' ', el('button', { class: 'primary', type: 'submit' }, 'Save change'));
    if (!p.originator) editor.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { note: editor.querySelector('[name=note]').value, sections: [...secs.children].map(d => ({
        key: d.dataset.key || undefined, heading: d.querySelector('[name=heading]').value, marking: d.querySelector('[name=marking]').value, text: d.querySelector('[name=text]').value })) };
      try { const r = await post(`/api/v1/plans/${p.id}/versions`, body); status('saved as version ' + r.latestVersion); await plan(id); } catch (err) { problem(err); }
    });
    const history = await api(`/api/v1/plans/${p.id}/history`);
    const hist = el('div', { class: 'panel' }, el('h2', {}, 'History'), ...history.slice().reverse().map(h => el('div', {},
      el('span', { class: 'muted' }, new Date(h.at).toISOString().slice(0, 16).replace('T', ' ') + ' '), el('b', {}, h.by), ' ' + h.action.toLowerCase().replace('_', ' ') + ' v' + h.version,
      h.note ? ' — ' + h.note : '', h.sections.length ? ' (' + h.sections.map(s => s.change.toLowerCase() + ' ' + s.heading).join('; ') + ')' : '')));
    box.replaceChildren(head, el('div', { class: 'panel' }, el('h2', {}, 'Versions'), versions), el('div', { class: 'cols' }, sections, editor), comments, hist);
    box.querySelectorAll('.panel').forEach(x => { x.style.marginBottom = '12px'; });
  }

  function pieces(list, tagName) {
    const d = el('div', {});
    for (const piece of list || []) d.append(piece.changed ? el(tagName, { class: 'changed' }, piece.text) : document.createTextNode(piece.text));
    return d;
  }

  async function diff(id, from, to) {
    show('diff');
    const [p, d] = await Promise.all([api('/api/v1/plans/' + encodeURIComponent(id)), api(`/api/v1/plans/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`)]);
    Kizuna.setBanner(d.label);
    document.getElementById('heading').textContent = (p.title || p.id) + ': v' + from + ' → v' + to;
    const box = document.getElementById('diff');
    box.replaceChildren(el('div', { class: 'diff-row' }, el('h2', {}, 'Version ' + from), el('h2', {}, 'Version ' + to)),
      el('p', {}, el('a', { href: '?plan=' + p.id }, 'back to the plan')));
    for (const r of d.rows) {
      const side = (s, tagName) => s ? el('div', { class: 'side' }, el('h3', {}, el('span', { class: 'muted' }, s.label + ' '), s.headingChanged ? el(tagName, { class: 'changed' }, s.heading) : s.heading), pieces(s.text, tagName))
        : el('div', { class: 'side empty' }, '');
      box.append(el('div', { class: 'diff-row', 'data-key': r.key, 'data-change': r.change }, side(r.left, 'del'), side(r.right, 'ins')));
    }
  }

  Kizuna.page({ title: 'Plans' }).then(() => {
    const id = q.get('plan');
    if (id && q.get('from') && q.get('to')) return diff(id, q.get('from'), q.get('to'));
    if (id) return plan(id);
    return list();
  }).catch(problem);
})();
