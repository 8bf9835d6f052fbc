// Search: one box over reports, plans and commitments (English or Japanese); hits with their kind, title (or
// "title not readable"), snippets with the matching words marked, and a link to the record.
(function () {
  const { api, el, t } = Kizuna;
  const KIND = { report: t('search.hit.kind.report'), plan: t('search.hit.kind.plan'), commitment: t('search.hit.kind.commitment') };
  const SIZE = 20;
  const params = new URLSearchParams(location.search);
  let page = +(params.get('page') || 0);
  const form = document.getElementById('search'), qInput = document.getElementById('q'), kindSel = document.getElementById('kind');

  function showProblem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }

  // The node sends snippets HTML-escaped with <mark> around matching words: rebuild them as text and mark elements only.
  function snippet(html) {
    const out = el('div', { class: 'snippet' });
    const parts = html.split(/(<mark>|<\/mark>)/);
    let marked = false;
    const decode = (s) => { const t = document.createElement('textarea'); t.innerHTML = s; return t.value; };
    for (const p of parts) {
      if (p === '<mark>') { marked = true; continue; }
      if (p === '</mark>') { marked = false; continue; }
      if (!p) continue;
      out.append(marked ? el('mark', {}, decode(p)) : document.createTextNode(decode(p)));
    }
    return out;
  }

  function hit(h) {
    const title = h.title != null ? el('a', { class: 'title', href: h.link }, h.title) : el('a', { class: 'title unreadable', href: h.link }, t('search.hit.unreadable'));
    const li = el('li', { class: 'hit', 'data-id': h.id },
      title,
      el('div', { class: 'meta' }, el('span', { class: 'tag' }, KIND[h.kind] || h.kind), ' ' + h.id + ' · ' + t('search.hit.matched', h.parts.join(', '))));
    for (const s of h.snippets) li.append(snippet(s));
    return li;
  }

  async function run() {
    const q = qInput.value.trim();
    document.getElementById('problem').hidden = true;
    if (!q) return;
    const query = new URLSearchParams({ q, page: String(page), size: String(SIZE) });
    if (kindSel.value) query.append('kind', kindSel.value);
    history.replaceState(null, '', '?' + query.toString());
    document.getElementById('status').textContent = t('search.searching');
    try {
      const r = await api('/api/v1/search?' + query.toString());
      const list = document.getElementById('hits');
      list.replaceChildren(...r.hits.map(hit));
      document.getElementById('status').textContent = r.total === 1 ? t('search.count.one') : t('search.count.many', Kizuna.fmt.number(r.total));
      if (r.hits.length) Kizuna.rollUpBanner(r.hits.map(h => h.banner)).catch(showProblem); else Kizuna.setBanner('UNCLASSIFIED');
      const pages = Math.max(1, Math.ceil(r.total / SIZE));
      document.getElementById('pageinfo').textContent = t('search.page', Kizuna.fmt.number(page + 1), Kizuna.fmt.number(pages));
      document.getElementById('prev').disabled = page === 0;
      document.getElementById('next').disabled = page + 1 >= pages;
    } catch (e) {
      document.getElementById('status').textContent = '';
      showProblem(e);
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); page = 0; run(); });
  document.getElementById('prev').addEventListener('click', () => { if (page > 0) { page--; run(); } });
  document.getElementById('next').addEventListener('click', () => { page++; run(); });

  Kizuna.page({ title: t('search.title') }).then(() => {
    qInput.value = params.get('q') || '';
    kindSel.value = params.get('kind') || '';
    qInput.focus();
    run();
  }).catch(showProblem);
})();
