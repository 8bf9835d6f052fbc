// Intelligence reports: the list of reports the reader may read, a report's portions under their marks with the
// banner of what is shown at top and bottom, related reports, releases and tear lines, package export, composing.
(function () {
  const { api, el } = Kizuna;
  const SIZE = 20;
  let page = 0, current = null;
  const bannerClass = (b) => { const t = (b || '').toUpperCase(); const l = t.replace(/^\/\/[A-Z]+ /, '');
    return l.startsWith('TOP SECRET') ? 'ts' : l.startsWith('SECRET') ? 's' : l.startsWith('CONFIDENTIAL') ? 'c' : ''; };
  const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
  function showProblem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  function clearProblem() { document.getElementById('problem').hidden = true; }
  function status(text) { document.getElementById('status').textContent = text; }

  async function loadList() {
    const r = await api(`/api/v1/intel/reports?page=${page}&size=${SIZE}`);
    document.getElementById('total').textContent = r.total;
    document.getElementById('page').textContent = 'page ' + (page + 1) + ' of ' + Math.max(1, Math.ceil(r.total / SIZE));
    const body = document.querySelector('#reports tbody');
    body.replaceChildren();
    for (const x of r.reports) {
      const title = x.title ? x.title.text : el('span', { class: 'withheld' }, 'title withheld');
      const row = el('tr', { 'data-report': x.id, onclick: () => { location.hash = x.id; } },
        el('td', {}, el('span', { class: 'tag' }, x.banner)), el('td', {}, title), el('td', {}, x.nation),
        el('td', { class: 'muted' }, new Date(x.createdAt).toISOString().slice(0, 16).replace('T', ' ')));
      if (current === x.id) row.classList.add('active');
      body.append(row);
    }
    Kizuna.rollUpBanner(r.reports.map(x => x.banner).concat(current ? [document.getElementById('banner-top').textContent] : [])).catch(() => {});
  }

  async function loadPending() {
    const list = await api('/api/v1/intel/releases?state=pending');
    const box = document.getElementById('pending');
    box.replaceChildren();
    if (!list.length) { box.textContent = 'none'; return; }
    for (const p of list) {
      box.append(el('div', { class: 'req', 'data-release': p.id }, el('b', {}, p.kind === 'tear-line' ? 'tear line ' : 'release '),
        el('a', { href: '#' + p.reportId }, p.reportId), ' → ' + p.to.join(', ') + ' as ' + p.marking + ' · first: ' + p.firstReleaser));
    }
  }

  async function loadReport(id) {
    current = id;
    document.getElementById('compose').hidden = true;
    let r;
    try { r = await api('/api/v1/intel/reports/' + encodeURIComponent(id)); }
    catch (e) { document.getElementById('report').hidden = true; showProblem(e); return; }
    const box = document.getElementById('report');
    box.hidden = false;
    for (const b of ['banner-top', 'banner-bottom']) {
      const e = document.getElementById(b); e.textContent = r.banner; e.className = 'rbanner ' + bannerClass(r.banner);
    }
    document.getElementById('meta').textContent = r.id + ' · from ' + r.nation + (r.originator ? ' (imported from ' + r.originator + ')' : '') + ' · by ' + r.author
      + ' · ' + new Date(r.createdAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
      + (r.observedAt ? ' · observed ' + r.observedAt + (r.location ? ' at ' + r.location.lat + ', ' + r.location.lon : '') : '');
    const title = document.getElementById('title');
    title.replaceChildren();
    if (r.title) title.append(el('span', { class: 'mark' }, r.title.marking + ' '), r.title.text);
    else title.append(el('span', { class: 'withheld' }, 'title withheld'));
    const portions = document.getElementById('portions');
    portions.replaceChildren();
    r.portions.forEach((p, i) => {
      const content = p.attachment
        ? el('a', { href: `/api/v1/intel/reports/${r.id}/portions/${p.id}/content` }, p.attachment.name + ' (' + p.attachment.mediaType + ', ' + p.attachment.size + ' bytes)')
        : p.text;
      portions.append(el('div', { class: 'portion ' + p.kind, 'data-portion': p.id }, el('span', { class: 'pid' }, (i + 1) + ' · ' + p.id),
        el('span', { class: 'mark' }, p.marking), content));
    });
    const related = document.getElementById('related');
    related.replaceChildren();
    if (!r.related.length) related.textContent = 'none';
    for (const x of r.related) related.append(el('div', {}, el('a', { href: '#' + x.id }, x.id), ' ' + x.marking + ' · ' + x.reason));
    document.getElementById('package').hidden = true;
    await loadList();
  }

  function addComposePortion(marking, text) {
    const box = el('div', { class: 'compose-portion' },
      el('label', {}, 'Portion mark ', el('input', { name: 'pm', value: marking || '(S//REL TO USA, JPN)', required: '' })),
      el('label', {}, 'Text ', el('textarea', { name: 'pt', rows: '3', required: '' })));
    if (text) box.querySelector('textarea').value = text;
    document.getElementById('compose-portions').append(box);
  }

  document.getElementById('new').addEventListener('click', () => {
    document.getElementById('report').hidden = true;
    const f = document.getElementById('compose');
    f.hidden = false;
    if (!document.querySelector('#compose-portions .compose-portion')) addComposePortion();
  });
  document.getElementById('add-portion').addEventListener('click', () => addComposePortion());
  document.getElementById('compose').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const portions = [...f.querySelectorAll('.compose-portion')].map(p => ({ marking: p.querySelector('[name=pm]').value, text: p.querySelector('[name=pt]').value }));
    const body = { title: { marking: f.elements['titleMarking'].value, text: f.elements['titleText'].value }, portions };
    if (f.elements['banner'].value.trim()) body.banner = f.elements['banner'].value.trim();
    try {
      const r = await api('/api/v1/intel/reports', json(body));
      clearProblem(); status('written ' + r.id + ' under ' + r.banner);
      document.getElementById('compose-portions').replaceChildren(); f.reset();
      location.hash = r.id;
    } catch (err) { showProblem(err); }
  });
  document.getElementById('release').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    try {
      const r = await api(`/api/v1/intel/reports/${current}/releases`, json({ portion: f.elements['portion'].value.trim(), to: f.elements['to'].value.split(',').map(s => s.trim()).filter(Boolean) }));
      clearProblem();
      status(r.state === 'PENDING' ? 'release ' + r.release + ' pending: a second releaser must approve it' : 'released as ' + r.marking);
      await loadReport(current); await loadPending();
    } catch (err) { showProblem(err); }
  });
  document.getElementById('tear-line').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    try {
      const r = await api(`/api/v1/intel/reports/${current}/tear-lines`, json({ marking: f.elements['marking'].value, text: f.elements['text'].value }));
      clearProblem();
      status(r.state === 'PENDING' ? 'tear line ' + r.release + ' pending: a second releaser must approve it' : 'tear line released as ' + r.marking);
      await loadReport(current); await loadPending();
    } catch (err) { showProblem(err); }
  });
  document.getElementById('export').addEventListener('click', async () => {
    try {
      const p = await api(`/api/v1/intel/reports/${current}/package`);
      const pre = document.getElementById('package');
      pre.hidden = false;
      pre.textContent = 'banner: ' + p.banner + '\nsha384: ' + p.digest + '\nsignature: ' + p.signature + '\n\n' + JSON.stringify(p, null, 2);
      const a = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(p)], { type: 'application/json' })), download: current + '.package.json' }, '');
      a.click();
      status('exported ' + current + ' under ' + p.banner);
    } catch (err) { showProblem(err); }
  });
  document.getElementById('prev').addEventListener('click', () => { if (page > 0) { page--; loadList().catch(showProblem); } });
  document.getElementById('next').addEventListener('click', () => { page++; loadList().catch(showProblem); });
  window.addEventListener('hashchange', () => { if (location.hash.length > 1) loadReport(decodeURIComponent(location.hash.slice(1))); });

  Kizuna.page({ title: 'Intelligence' }).then(async () => {
    await Promise.all([loadList(), loadPending()]).catch(showProblem);
    if (location.hash.length > 1) await loadReport(decodeURIComponent(location.hash.slice(1)));
  });
})();
