// Kizuna console shell: header, navigation, language switch and the classification banners (top and bottom) for
// every module's page. A page loads this script and calls Kizuna.page({title, banner}) once; Kizuna.api() calls the
// REST API; Kizuna.t(key, ...args) gives a text of the page's language (the node writes the page's messages into
// window.KIZUNA_I18N); Kizuna.fmt formats dates, times and numbers in the user's language and time zone.
(function () {
  const I18N = window.KIZUNA_I18N || { lang: 'en', languages: ['en', 'ja'], messages: {} };
  const lang = I18N.lang;
  // A text of the page's language: {0}, {1} ... filled with args; '' is an apostrophe (MessageFormat's rule).
  function t(key, ...args) {
    const raw = I18N.messages[key];
    if (raw === undefined) { console.warn('kizuna: no message ' + key); return key; }
    return raw.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined || args[i] === null ? '' : String(args[i]))).replace(/''/g, "'");
  }
  const intlLocale = lang === 'ja' ? 'ja-JP' : (navigator.language && navigator.language.startsWith('en') ? navigator.language : 'en-US');
  const zoneOf = (zone) => zone || (window.Kizuna && window.Kizuna.me && window.Kizuna.me.zone) || 'UTC';
  // Dates and times in the user's language and zone (or another zone: a partner's, a facility's).
  const fmt = {
    dateTime(instant, zone) {
      if (!instant) return '—';
      // (dateStyle and timeStyle cannot be combined with timeZoneName: the parts are named one by one;
      // Japanese staffs read 2026/12/07 20:52 JST, English ones Dec 7, 2026, 8:52 PM EST)
      return new Intl.DateTimeFormat(intlLocale, Object.assign(lang === 'ja'
        ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
      { timeZone: zoneOf(zone), timeZoneName: 'short' })).format(new Date(instant));
    },
    time(instant, zone) {
      if (!instant) return '—';
      return new Intl.DateTimeFormat(intlLocale, { month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zoneOf(zone), timeZoneName: 'short' }).format(new Date(instant));
    },
    // A calendar date (YYYY-MM-DD, no zone) in the user's language.
    date(isoDate) {
      if (!isoDate) return '—';
      const [y, m, d] = String(isoDate).split('-').map(Number);
      if (!d) return String(isoDate);
      return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
    },
    number(n, digits) {
      if (n === null || n === undefined) return '—';
      return new Intl.NumberFormat(intlLocale, digits === undefined ? {} : { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
    },
    // An instant in the user's zone with the other party's local time beside it, where the zones differ.
    both(instant, otherZone) {
      if (!instant) return '—';
      const mine = fmt.dateTime(instant);
      if (!otherZone || otherZone === zoneOf()) return mine;
      return mine + ' (' + fmt.time(instant, otherZone) + ')';
    },
  };
  // Local date and time (the value of an <input type="datetime-local">) in a zone, as an ISO instant.
  function localToInstant(local, zone) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local || '');
    if (!m) return null;
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    let guess = wall;
    for (let i = 0; i < 3; i++) guess = wall - offsetMs(guess, zoneOf(zone));
    return new Date(guess).toISOString().replace('.000Z', 'Z');
  }
  // The value an <input type="datetime-local"> shows for an instant in a zone.
  function instantToLocal(instant, zone) {
    const d = new Date(new Date(instant).getTime() + offsetMs(new Date(instant).getTime(), zoneOf(zone)));
    return d.toISOString().slice(0, 16);
  }
  // A zone's offset from UTC at an instant, in milliseconds.
  function offsetMs(epochMs, zone) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(epochMs)).reduce((a, p) => (a[p.type] = p.value, a), {});
    const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
    return asUtc - Math.floor(epochMs / 1000) * 1000;
  }
  const bannerClass = (b) => {
    const x = (b || 'UNCLASSIFIED').toUpperCase();
    if (x.startsWith('TOP SECRET')) return 'ts';
    if (x.startsWith('SECRET')) return 's';
    if (x.startsWith('CONFIDENTIAL')) return 'c';
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
  // The banner of what the page shows, at the top and at the bottom (on screen and on paper).
  function setBanner(text) {
    let top = document.getElementById('page-banner');
    if (!top) { top = el('div', { class: 'banner', id: 'page-banner', role: 'note' }); document.body.prepend(top); }
    let bottom = document.getElementById('page-banner-bottom');
    if (!bottom) { bottom = el('div', { class: 'banner bottom', id: 'page-banner-bottom', role: 'note' }); document.body.append(bottom); }
    for (const b of [top, bottom]) {
      b.textContent = text || 'UNCLASSIFIED';
      b.className = 'banner ' + bannerClass(text) + (b === bottom ? ' bottom' : '');
    }
  }
  function languageSwitch() {
    const select = el('select', { id: 'language', 'aria-label': t('console.header.language') },
      ...I18N.languages.map(l => { const o = el('option', { value: l, lang: l }, t('console.language.' + l)); if (l === lang) o.selected = true; return o; }));
    select.addEventListener('change', async () => {
      try {
        await api('/api/v1/me/preferences', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify({ language: select.value }) });
      } finally { location.reload(); }
    });
    return select;
  }
  async function page(opts) {
    opts = opts || {};
    if (opts.title) document.title = opts.title + ' · Kizuna';
    const header = el('header', { class: 'kz' },
      el('span', { class: 'brand' }, 'KIZUNA', el('small', { id: 'node' }, '')),
      el('nav', { id: 'nav', 'aria-label': t('console.header.navigation') }),
      el('span', { class: 'who', id: 'who' }, ''),
      languageSwitch(),
      (() => {
        const f = el('form', { method: 'post', action: '/logout' });
        const m = document.cookie.match(/XSRF-TOKEN=([^;]+)/);
        f.append(el('input', { type: 'hidden', name: '_csrf', value: m ? decodeURIComponent(m[1]) : '' }));
        f.append(el('button', { type: 'submit', id: 'logout' }, t('console.header.logout')));
        return f;
      })());
    document.body.prepend(header);
    setBanner(opts.banner);
    const [me, nav] = await Promise.all([api('/api/v1/me'), api('/api/v1/console/nav')]);
    Kizuna.me = me;
    document.getElementById('node').textContent = t('console.header.node', me.node);
    const who = document.getElementById('who');
    who.append(el('b', {}, me.username), ' · ' + me.nation + ' ' + me.clearance + ' · ' + me.zone);
    const here = location.pathname;
    for (const p of nav) {
      const a = el('a', { href: p.path }, p.title);
      if (here === p.path || (p.path !== '/' && here.startsWith(p.path))) { a.classList.add('active'); a.setAttribute('aria-current', 'page'); }
      document.getElementById('nav').append(a);
    }
    return me;
  }
  // The banner of a page is the roll-up of the labels of everything it shows.
  async function rollUpBanner(labels) {
    const distinct = [...new Set(labels.filter(Boolean))];
    const r = await api('/api/v1/labels/rollup', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(distinct) });
    setBanner(r.banner);
    return r.banner;
  }
  window.Kizuna = { api, page, el, setBanner, rollUpBanner, t, fmt, lang, localToInstant, instantToLocal, me: null };
})();
