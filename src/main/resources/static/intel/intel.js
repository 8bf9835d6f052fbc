// Intelligence reports: the list of reports the reader may read, a report's portions under their marks with the
// banner of what is shown at top and bottom, related reports, releases and tear lines, package export, composing,
// and a printable report (the page banner becomes the report's while it prints).
(function () {
  const { api, el, t } = Kizuna;
  const fmt = Kizuna.fmt;
  const SIZE = 20;
  let page = 0, current = null, shownBanner = null, printBanner = null, listBanner = null;
  const bannerClass = (b) => { const x = (b || '').toUpperCase(); const l = x.replace(/^\/\/[A-Z]+ /, '');
    return l.startsWith('TOP SECRET') ? 'ts' : l.startsWith('SECRET') ? 's' : l.startsWith('CONFIDENTIAL') ? 'c' : ''; };
  const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
  function showProblem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  function clearProblem() { document.getElementById('problem').hidden = true; }
  function status(text) { document.getElementById('status').textContent = text; }
  const withheld = () => el('span', { class: 'withheld' }, t('intel.withheld'));

  async function loadList() {
    const r = await api(`/api/v1/intel/reports?page=${page}&size=${SIZE}`);
    document.getElementById('total').textContent = fmt.number(r.total);
    document.getElementById('page').textContent = t('intel.pager.page', fmt.number(page + 1), fmt.number(Math.max(1, Math.ceil(r.total / SIZE))));
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = (page + 1) * SIZE >= r.total;
    const body = document.querySelector('#reports tbody');
    body.replaceChildren();
    for (const x of r.reports) {
      // the title is the row's link, so the list is reachable by keyboard; a withheld title links as well
      const title = el('a', { href: '#' + x.id }, x.title ? x.title.text : withheld());
      const row = el('tr', { 'data-report': x.id },
        el('td', {}, el('span', { class: 'tag' }, x.banner)), el('td', {}, title), el('td', {}, x.nation),
        el('td', { class: 'muted' }, fmt.dateTime(x.createdAt)));
      if (current === x.id) { row.classList.add('active'); title.setAttribute('aria-current', 'true'); }
      body.append(row);
    }
    listBanner = await Kizuna.rollUpBanner(r.reports.map(x => x.banner).concat(current && shownBanner ? [shownBanner] : [])).catch(() => null);
  }

  async function loadPending() {
    const list = await api('/api/v1/intel/releases?state=pending');
    const box = document.getElementById('pending');
    box.replaceChildren();
    if (!list.length) { box.textContent = t('common.none'); return; }
    for (const p of list) {
      box.append(el('div', { class: 'req', 'data-release': p.id }, el('b', {}, p.kind === 'tear-line' ? t('intel.pending.tear-line') : t('intel.pending.release')), ' ',
        el('a', { href: '#' + p.reportId }, p.reportId), ' ' + t('intel.pending.line', p.to.join(', '), p.marking, p.firstReleaser, fmt.dateTime(p.requestedAt))));
    }
  }

  async function loadReport(id) {
    current = id;
    document.getElementById('compose').hidden = true;
    let r;
    try { r = await api('/api/v1/intel/reports/' + encodeURIComponent(id)); }
    catch (e) { document.getElementById('report').hidden = true; shownBanner = null; showProblem(e); return; }
    clearProblem();
    const box = document.getElementById('report');
    box.hidden = false;
    shownBanner = r.banner;
    // printed with its related links, whose marks can be higher than the report's: the server rolls them up; where they
    // have no roll-up (printBanner null) the links are left off the sheet
    printBanner = r.printBanner;
    document.getElementById('related-box').classList.toggle('no-print', !r.printBanner);
    for (const b of ['banner-top', 'banner-bottom']) {
      const e = document.getElementById(b); e.textContent = r.banner + (r.nationalBanner ? ' · ' + r.nationalBanner : ''); e.className = 'rbanner ' + bannerClass(r.banner);
    }
    const meta = [r.id, t('intel.meta.from', r.nation) + (r.originator ? ' ' + t('intel.meta.imported', r.originator) : ''), t('intel.meta.by', r.author),
      fmt.dateTime(r.createdAt)];
    if (r.observedAt) meta.push(t('intel.meta.observed', fmt.dateTime(r.observedAt)) + (r.location ? ' ' + t('intel.meta.at', fmt.number(r.location.lat, 4), fmt.number(r.location.lon, 4)) : ''));
    document.getElementById('meta').textContent = meta.join(' · ');
    const title = document.getElementById('title');
    title.replaceChildren();
    if (r.title) title.append(el('span', { class: 'mark' }, r.title.marking + ' '), national(r.title), r.title.text);
    else title.append(withheld());
    const portions = document.getElementById('portions');
    portions.replaceChildren();
    r.portions.forEach((p, i) => {
      const content = p.attachment
        ? el('a', { href: `/api/v1/intel/reports/${r.id}/portions/${p.id}/content` }, t('intel.attachment', p.attachment.name, p.attachment.mediaType, fmt.number(p.attachment.size)))
        : p.text;
      portions.append(el('div', { class: 'portion ' + p.kind, 'data-portion': p.id },
        el('span', { class: 'pid', title: t('intel.portion.position') }, (i + 1) + ' · ' + p.id),
        p.kind === 'tear-line' ? el('span', { class: 'tear' }, t('intel.portion.tear-line')) : '',
        el('span', { class: 'mark' }, p.marking), national(p), content));
    });
    const related = document.getElementById('related');
    related.replaceChildren();
    if (!r.related.length) related.textContent = t('common.none');
    for (const x of r.related) related.append(el('div', {}, el('a', { href: '#' + x.id }, x.id), ' ' + x.marking + ' · ' + x.reason));
    document.getElementById('package').hidden = true;
    await loadList();
  }

  /** A partner's portion also shows its marking in this node's policy (decisions stay with the originator's marking). */
  function national(p) {
    return p.nationalMarking ? el('span', { class: 'mark national', title: t('intel.portion.national') }, p.nationalMarking + ' ') : '';
  }

  function addComposePortion(marking, text) {
    const box = el('div', { class: 'compose-portion' },
      el('label', {}, t('intel.compose.portion-mark') + ' ', el('input', { name: 'pm', value: marking || '(S//REL TO USA, JPN)', required: '' })),
      el('label', {}, t('intel.compose.text') + ' ', el('textarea', { name: 'pt', rows: '3', required: '' })));
    if (text) box.querySelector('textarea').value = text;
    document.getElementById('compose-portions').append(box);
  }

  document.getElementById('new').addEventListener('click', () => {
    document.getElementById('report').hidden = true;
    const f = document.getElementById('compose');
    f.hidden = false;
    if (!document.querySelector('#compose-portions .compose-portion')) addComposePortion();
    f.elements['titleText'].focus();
  });
  document.getElementById('add-portion').addEventListener('click', () => addComposePortion());
  document.getElementById('compose').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const portions = [...f.querySelectorAll('.compose-portion')].map(p => ({ marking: p.querySelector('[name=pm]').value, text: p.querySelector('[name=pt]').value }));
    const body = { title: { marking: f.elements['titleMarking'].value, text: f.elements['titleText'].value }, portions };
    if (f.elements['banner'].value.trim()) body.banner = f.elements['banner'].value.trim();
    // the place and time of what the report is about: a local time of the reader's zone, sent as an instant
    const observed = f.elements['observedAt'].value, lat = f.elements['lat'].value, lon = f.elements['lon'].value;
    if (observed) body.observedAt = Kizuna.localToInstant(observed, Kizuna.me.zone);
    if (lat !== '' || lon !== '') body.location = { lat: Number(lat), lon: Number(lon) };
    try {
      const r = await api('/api/v1/intel/reports', json(body));
      clearProblem(); status(t('intel.status.written', r.id, r.banner));
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
      status(r.state === 'PENDING' ? t('intel.status.pending', r.release) : t('intel.status.released', r.marking));
      await loadReport(current); await loadPending();
    } catch (err) { showProblem(err); }
  });
  document.getElementById('tear-line').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    try {
      const r = await api(`/api/v1/intel/reports/${current}/tear-lines`, json({ marking: f.elements['marking'].value, text: f.elements['text'].value }));
      clearProblem();
      status(r.state === 'PENDING' ? t('intel.status.tear-pending', r.release) : t('intel.status.tear-released', r.marking));
      await loadReport(current); await loadPending();
    } catch (err) { showProblem(err); }
  });
  document.getElementById('export').addEventListener('click', async () => {
    try {
      const p = await api(`/api/v1/intel/reports/${current}/package`);
      const pre = document.getElementById('package');
      pre.hidden = false;
      pre.textContent = t('intel.package.banner') + ': ' + p.banner + '\nsha384: ' + p.digest + '\n' + t('intel.package.signature') + ': ' + p.signature
        + '\n\n' + JSON.stringify(p, null, 2);
      const a = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(p)], { type: 'application/json' })), download: current + '.package.json' }, '');
      a.click();
      status(t('intel.status.exported', current, p.banner));
    } catch (err) { showProblem(err); }
  });
  document.getElementById('print').addEventListener('click', () => window.print());
  // printed, the page shows the report alone: its banner is the page's, top and bottom of every sheet
  window.addEventListener('beforeprint', () => { if (current && shownBanner && !document.getElementById('report').hidden) Kizuna.setBanner(printBanner || shownBanner); });
  window.addEventListener('afterprint', () => { if (listBanner) Kizuna.setBanner(listBanner); });
  document.getElementById('prev').addEventListener('click', () => { if (page > 0) { page--; loadList().catch(showProblem); } });
  document.getElementById('next').addEventListener('click', () => { page++; loadList().catch(showProblem); });
  window.addEventListener('hashchange', () => { if (location.hash.length > 1) loadReport(decodeURIComponent(location.hash.slice(1))); });

  Kizuna.page({ title: t('intel.title') }).then(async (me) => {
    document.getElementById('observed-at-label').textContent = t('intel.compose.observed-at-zone', me.zone);
    await Promise.all([loadList(), loadPending()]).catch(showProblem);
    if (location.hash.length > 1) await loadReport(decodeURIComponent(location.hash.slice(1)));
  });
})();
