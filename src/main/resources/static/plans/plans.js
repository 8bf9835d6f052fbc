// Plans: the list, one plan with its versions and each nation's approval (approve binds to the version's hash),
// an editor that makes a change (a new draft once a version is approved), two versions side by side, and a printable
// plan (title, approvals and the newest version's sections, each under its mark).
(function () {
  const { api, el, t } = Kizuna;
  const fmt = Kizuna.fmt;
  const q = new URLSearchParams(location.search);
  let shown = null; // the plan on the page
  const show = (id) => { for (const s of ['list', 'plan', 'diff']) document.getElementById(s).hidden = s !== id; };
  function problem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  function status(text) { document.getElementById('status').textContent = text; }
  const post = (path, body) => api(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
  const STATUS = { DRAFT: t('plans.status.DRAFT'), APPROVED: t('plans.status.APPROVED'), SUPERSEDED: t('plans.status.SUPERSEDED') };
  // where a request to the plan's node stands, in the reader's language (an unknown state as it came)
  const requestState = (state) => ({ pending: t('plans.request.state.pending'), accepted: t('plans.request.state.accepted'),
    refused: t('plans.request.state.refused'), 'not-sent': t('plans.request.state.not-sent') })[state] || state;
  const KIND = { CONTINGENCY: t('plans.kind.CONTINGENCY'), EXERCISE: t('plans.kind.EXERCISE'), REALIGNMENT_ROADMAP: t('plans.kind.REALIGNMENT_ROADMAP') };
  const ACTION = { CREATED: t('plans.action.CREATED'), AMENDED: t('plans.action.AMENDED'), NEW_VERSION: t('plans.action.NEW_VERSION'),
    APPROVED: t('plans.action.APPROVED'), VERSION_APPROVED: t('plans.action.VERSION_APPROVED') };
  const CHANGE = { ADDED: t('plans.change.ADDED'), CHANGED: t('plans.change.CHANGED'), REMOVED: t('plans.change.REMOVED') };
  const tag = (s) => el('span', { class: 'tag ' + (s === 'APPROVED' ? 'ok' : s === 'DRAFT' ? 'warn' : ''), 'data-status': s }, STATUS[s] || s);
  const th = (text) => el('th', { scope: 'col' }, text);
  const hidden = () => el('span', { class: 'muted' }, t('plans.title-withheld'));

  async function list() {
    show('list');
    const plans = await api('/api/v1/plans');
    const table = el('table', {}, el('thead', {}, el('tr', {}, th(t('plans.col.plan')), th(t('plans.col.kind')), th(t('plans.col.nations')),
      th(t('plans.col.newest')), th(t('plans.col.approved')), th(t('plans.col.label')))));
    const body = el('tbody', {});
    for (const p of plans) {
      body.append(el('tr', { 'data-plan': p.id },
        el('td', {}, el('a', { href: '?plan=' + p.id }, p.title || t('plans.title-withheld'))),
        el('td', {}, KIND[p.kind] || p.kind), el('td', {}, p.nations.join(', ')),
        el('td', {}, t('plans.version.short', p.latestVersion) + ' ', tag(p.latestStatus)),
        el('td', {}, p.approvedVersion ? t('plans.version.short', p.approvedVersion) : '—'), el('td', { class: 'muted' }, p.label)));
    }
    table.append(body);
    const box = document.getElementById('list');
    box.replaceChildren(plans.length ? table : el('p', { class: 'muted' }, t('plans.none')));
    Kizuna.setBanner(plans.length ? (await Kizuna.rollUpBanner(plans.map(p => p.label))) : 'UNCLASSIFIED');
  }

  // A label's portion mark from its banner (CONFIDENTIAL//REL TO USA, JPN is (C//REL TO USA, JPN)); a banner of
  // another form is shown whole.
  const LEVELS = { 'TOP SECRET': 'TS', 'SECRET': 'S', 'CONFIDENTIAL': 'C', 'UNCLASSIFIED': 'U' };
  function mark(banner) {
    const parts = String(banner || '').split('//');
    if (!(parts[0] in LEVELS)) return '(' + banner + ')';
    return '(' + [LEVELS[parts[0]], ...parts.slice(1).map(x => x === 'NOFORN' ? 'NF' : x)].join('//') + ')';
  }

  // a section under its mark: the mark comes first, on screen and on paper
  function sectionView(s) {
    return el('section', { class: 'section', 'data-key': s.key }, el('h3', {}, el('span', { class: 'mark' }, mark(s.label)), ' ', s.heading),
      el('div', { class: 'text' }, s.text));
  }

  async function plan(id) {
    show('plan');
    const p = await api('/api/v1/plans/' + encodeURIComponent(id));
    Kizuna.setBanner(p.label);
    shown = p;
    const heading = document.getElementById('heading');
    heading.replaceChildren(p.titleLabel && p.title ? el('span', { class: 'mark' }, mark(p.titleLabel) + ' ') : '', p.title || t('plans.title-withheld'));
    document.title = (p.title || p.id) + ' · Kizuna';
    document.getElementById('print').hidden = false;
    const me = Kizuna.me || {};
    const box = document.getElementById('plan');
    const head = el('div', { class: 'panel facts' },
      el('div', { class: 'muted' }, [KIND[p.kind] || p.kind, p.id, t('plans.by', p.createdBy, fmt.dateTime(p.createdAt))].join(' · ')),
      el('div', {}, t('plans.approvers') + ' ', p.nations.map(n => n.nation + ' ' + n.approver).join(', ')),
      p.originator ? el('div', { id: 'originator' }, el('span', { class: 'tag' }, t('plans.replica.tag', p.originator)),
        ' ' + t('plans.replica.explain', p.originator)) : '');
    const versions = el('table', { class: 'versions' }, el('thead', {}, el('tr', {}, th(t('plans.col.version')), th(t('plans.col.status')),
      th(t('plans.col.approvals')), th(t('plans.col.hash')), el('th', { scope: 'col', class: 'no-print' }, t('plans.col.actions')))));
    const vbody = el('tbody', {});
    for (const v of p.versions.slice().reverse()) {
      const approvals = el('td', {}, ...v.approvals.map(a => el('div', {}, a.nation + ': ', a.approved
        ? el('span', { class: 'tag ok' }, t('plans.approval.done', a.approvedBy, fmt.dateTime(a.at)))
        : el('span', { class: 'tag' }, t('plans.approval.not-yet', a.approver)))));
      const actions = el('td', { class: 'no-print' });
      const mine = v.approvals.find(a => a.nation === me.nation);
      if (v.number === p.latestVersion && v.status === 'DRAFT' && mine && mine.approver === me.username && !mine.approved) {
        actions.append(el('button', { class: 'primary', id: 'approve', type: 'button', onclick: async () => {
          try { await post(`/api/v1/plans/${p.id}/versions/${v.number}/approvals`, { hash: v.hash }); status(p.originator ? t('plans.status.sent', p.originator, v.number) : t('plans.status.approved', v.number, v.hash.slice(0, 12))); await plan(id); } catch (e) { problem(e); }
        } }, t('plans.approve', v.number, v.hash.slice(0, 12))));
      }
      if (v.number > 1) actions.append(' ', el('a', { href: `?plan=${p.id}&from=${v.number - 1}&to=${v.number}` }, t('plans.diff.link', v.number - 1, v.number)));
      vbody.append(el('tr', { 'data-version': v.number }, el('td', {}, t('plans.version.short', v.number)), el('td', {}, tag(v.status)), approvals,
        el('td', { class: 'hash' }, v.hash), actions));
    }
    versions.append(vbody);
    const latest = p.versions[p.versions.length - 1];
    const sections = el('div', { class: 'panel sections' }, el('h2', {}, t('plans.version.heading', latest.number, STATUS[latest.status] || latest.status)),
      ...latest.sections.map(sectionView));
    const editor = el('form', { class: 'panel editor no-print', id: 'editor' }, el('h2', {}, t('plans.editor.heading')),
      el('p', { class: 'muted' }, t('plans.editor.explain')));
    const comments = el('form', { class: 'panel no-print', id: 'comments' }, el('h2', {}, t('plans.comments.heading')),
      ...p.comments.map(c => el('div', { class: 'section' }, el('span', { class: 'mark' }, c.label), el('b', {}, c.author + ' (' + c.nation + ')'),
        el('span', { class: 'muted' }, ' ' + fmt.dateTime(c.at)), el('div', { class: 'text' }, c.text))),
      ...p.requests.map(r => el('div', { class: 'muted', 'data-request': r.id }, (r.kind === 'plan-approval'
        ? t('plans.request.approval', r.version, r.by, p.originator, requestState(r.state)) : t('plans.request.comment', r.by, p.originator, requestState(r.state)))
        + (r.reason && r.state !== 'accepted' ? ' — ' + r.reason : ''))),
      el('label', {}, t('plans.comments.marking') + ' ', el('input', { name: 'marking', value: '(U)', size: 30 })), ' ',
      el('label', {}, t('plans.comments.text') + ' ', el('textarea', { name: 'comment' })), ' ',
      el('button', { class: 'primary', type: 'submit' }, t('plans.comments.submit')));
    comments.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await post(`/api/v1/plans/${p.id}/comments`, { marking: comments.querySelector('[name=marking]').value, text: comments.querySelector('[name=comment]').value });
        status(p.originator ? t('plans.comments.sent', p.originator) : t('plans.comments.added'));
        await plan(id);
      } catch (err) { problem(err); }
    });
    const secs = el('div', {});
    let added = 0;
    const addSec = (s) => {
      const n = ++added;
      const text = el('textarea', { name: 'text', 'aria-label': t('plans.editor.text', n) });
      text.value = s.text || '';
      secs.append(el('fieldset', { class: 'sec', 'data-key': s.key || '' }, el('legend', {}, t('plans.editor.section', n)),
        el('input', { name: 'heading', value: s.heading || '', placeholder: t('plans.editor.heading-placeholder'), size: 40, 'aria-label': t('plans.editor.section-heading', n) }),
        el('input', { name: 'marking', value: s.label ? mark(s.label) : '(U)', size: 30, 'aria-label': t('plans.editor.marking', n) }),
        el('button', { type: 'button', onclick: (e) => e.target.closest('.sec').remove() }, t('plans.editor.remove')), text));
    };
    latest.sections.forEach(addSec);
    if (!p.originator) editor.append(secs, el('button', { type: 'button', onclick: () => addSec({}) }, t('plans.editor.add')), ' ',
      el('input', { name: 'note', placeholder: t('plans.editor.note'), 'aria-label': t('plans.editor.note'), size: 40 }), ' ',
      el('button', { class: 'primary', type: 'submit' }, t('plans.editor.save')));
    if (!p.originator) editor.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { note: editor.querySelector('[name=note]').value, sections: [...secs.children].map(d => ({
        key: d.dataset.key || undefined, heading: d.querySelector('[name=heading]').value, marking: d.querySelector('[name=marking]').value, text: d.querySelector('[name=text]').value })) };
      try { const r = await post(`/api/v1/plans/${p.id}/versions`, body); status(t('plans.status.saved', r.latestVersion)); await plan(id); } catch (err) { problem(err); }
    });
    const history = await api(`/api/v1/plans/${p.id}/history`);
    const hist = el('div', { class: 'panel history no-print' }, el('h2', {}, t('plans.history')), ...history.slice().reverse().map(h => el('div', {},
      el('span', { class: 'muted' }, fmt.dateTime(h.at) + ' '), el('b', {}, h.by), ' ' + t('plans.history.entry', ACTION[h.action] || h.action, h.version),
      h.note ? ' — ' + h.note : '', h.sections.length ? ' (' + h.sections.map(s => (CHANGE[s.change] || s.change) + ' ' + s.heading).join('; ') + ')' : '')));
    box.replaceChildren(head, el('div', { class: 'panel' }, el('h2', {}, t('plans.versions')), versions), el('div', { class: 'cols' }, sections, editor), comments, hist);
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
    document.getElementById('heading').textContent = t('plans.diff.heading', p.title || p.id, from, to);
    const box = document.getElementById('diff');
    box.replaceChildren(el('div', { class: 'diff-row' }, el('h2', {}, t('plans.version.number', from)), el('h2', {}, t('plans.version.number', to))),
      el('p', {}, el('a', { href: '?plan=' + p.id }, t('plans.diff.back'))),
      el('p', { class: 'muted legend' }, el('del', { class: 'changed' }, t('plans.diff.removed')), ' ', el('ins', { class: 'changed' }, t('plans.diff.added'))));
    for (const r of d.rows) {
      const side = (s, tagName) => s ? el('div', { class: 'side' }, el('h3', {}, el('span', { class: 'muted' }, s.label + ' '), s.headingChanged ? el(tagName, { class: 'changed' }, s.heading) : s.heading), pieces(s.text, tagName))
        : el('div', { class: 'side empty' }, '');
      box.append(el('div', { class: 'diff-row', 'data-key': r.key, 'data-change': r.change }, side(r.left, 'del'), side(r.right, 'ins')));
    }
  }

  document.getElementById('print').addEventListener('click', () => window.print());
  // a printed plan carries its title and newest version only: the sheet's banner is theirs, not the page's (which also
  // covers older versions and comments)
  window.addEventListener('beforeprint', () => { if (shown && !document.getElementById('plan').hidden) Kizuna.setBanner(shown.printLabel); });
  window.addEventListener('afterprint', () => { if (shown && !document.getElementById('plan').hidden) Kizuna.setBanner(shown.label); });

  Kizuna.page({ title: t('plans.title') }).then(() => {
    const id = q.get('plan');
    if (id && q.get('from') && q.get('to')) return diff(id, q.get('from'), q.get('to'));
    if (id) return plan(id);
    return list();
  }).catch(problem);
})();
