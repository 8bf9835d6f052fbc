// Kizuna console shell: header, navigation and the classification banner for every module's page.
// A page loads this script and calls Kizuna.page({title, banner}) once; Kizuna.api() calls the REST API.
(function () {
  const bannerClass = (b) => {
    const t = (b || 'UNCLASSIFIED').toUpperCase();
    if (t.startsWith('TOP SECRET')) return 'ts';
    if (t.startsWith('SECRET')) return 's';
    if (t.startsWith('CONFIDENTIAL')) return 'c';
    return '';
  };
  async function api(path, options) {
    const res = await fetch(path, Object.assign({ credentials: 'same-origin', headers: { 'Accept': 'application/json' } }, options || {}));
    const type = res.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await res.json() : await res.text();
    if (!res.ok) {
      const err = new Error((body && body.detail) || (body && body.title) || ('HTTP ' + res.status));
      err.status = res.status; err.problem = body; throw err;
    }
    return body;
  }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c.nodeType ? c : document.createTextNode(String(c)));
    return e;
  }
  function setBanner(text) {
    let b = document.querySelector('.banner');
    if (!b) { b = el('div', { class: 'banner', id: 'page-banner' }); document.body.prepend(b); }
    b.textContent = text || 'UNCLASSIFIED';
    b.className = 'banner ' + bannerClass(text);
  }
  async function page(opts) {
    opts = opts || {};
    if (opts.title) document.title = opts.title + ' · Kizuna';
    const header = el('header', { class: 'kz' },
      el('span', { class: 'brand' }, 'KIZUNA', el('small', { id: 'node' }, '')),
      el('nav', { id: 'nav' }),
      el('span', { class: 'who', id: 'who' }, ''),
      (() => {
        const f = el('form', { method: 'post', action: '/logout' });
        const m = document.cookie.match(/XSRF-TOKEN=([^;]+)/);
        f.append(el('input', { type: 'hidden', name: '_csrf', value: m ? decodeURIComponent(m[1]) : '' }));
        f.append(el('button', { type: 'submit', id: 'logout' }, 'Log out'));
        return f;
      })());
    document.body.prepend(header);
    setBanner(opts.banner);
    const [me, nav] = await Promise.all([api('/api/v1/me'), api('/api/v1/console/nav')]);
    document.getElementById('node').textContent = 'node ' + me.node;
    const who = document.getElementById('who');
    who.append(el('b', {}, me.username), ' · ' + me.nation + ' ' + me.clearance + ' · ' + me.zone);
    const here = location.pathname;
    for (const p of nav) {
      const a = el('a', { href: p.path }, p.title);
      if (here === p.path || (p.path !== '/' && here.startsWith(p.path))) a.classList.add('active');
      document.getElementById('nav').append(a);
    }
    Kizuna.me = me;
    return me;
  }
  // The banner of a page is the roll-up of the labels of everything it shows.
  async function rollUpBanner(labels) {
    const distinct = [...new Set(labels.filter(Boolean))];
    const r = await api('/api/v1/labels/rollup', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(distinct) });
    setBanner(r.banner);
    return r.banner;
  }
  window.Kizuna = { api, page, el, setBanner, rollUpBanner, me: null };
})();
