// The console's TAK page: the signed-in user's connection data package and enrollment QR code (drawn by the node as SVG).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const t = Kizuna.t;
  // shell.js's Kizuna.fmt.dateTime asks Intl for dateStyle together with timeZoneName, which browsers refuse with a
  // TypeError (and fmt.both with it); until shell.js is mended, the same format written with explicit fields. A no-op
  // once shell.js formats.
  try { Kizuna.fmt.dateTime('2026-01-01T00:00:00Z', 'UTC'); } catch (broken) {
    const locale = Kizuna.lang === 'ja' ? 'ja-JP' : (navigator.language && navigator.language.startsWith('en') ? navigator.language : 'en-US');
    Kizuna.fmt.dateTime = (instant, zone) => !instant ? '—' : new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric',
      hour: '2-digit', minute: '2-digit', timeZone: zone || (Kizuna.me && Kizuna.me.zone) || 'UTC', timeZoneName: 'short' }).format(new Date(instant));
  }

  function problem(text) {
    const p = $('problem');
    p.textContent = text;
    p.hidden = !text;
  }

  async function detail(res) {
    try {
      const body = await res.json();
      return body.detail || res.statusText;
    } catch (e) {
      return res.statusText;
    }
  }

  async function connection() {
    const res = await fetch('/api/v1/tak/connection', { credentials: 'same-origin' });
    if (!res.ok) return problem(await detail(res));
    const c = await res.json();
    $('connect-string').textContent = c.connectString;
  }

  $('download').addEventListener('click', async () => {
    problem('');
    $('download-status').textContent = t('tak.package.issuing');
    const res = await fetch('/api/v1/tak/connection-package', { method: 'POST', credentials: 'same-origin' });
    if (!res.ok) {
      $('download-status').textContent = '';
      return problem(await detail(res));
    }
    const blob = await res.blob();
    const name = (res.headers.get('Content-Disposition') || '').match(/filename="?([^";]+)"?/);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name ? name[1] : 'kizuna.zip';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    $('download-status').textContent = t('tak.package.downloaded', a.download);
  });

  $('enroll').addEventListener('click', async () => {
    problem('');
    const res = await fetch('/api/v1/tak/enrollment', { method: 'POST', credentials: 'same-origin' });
    if (!res.ok) return problem(await detail(res));
    const e = await res.json();
    const qr = $('qr');
    qr.innerHTML = e.svg; // drawn by the node: only rectangles and a path, no text from the user
    const svg = qr.querySelector('svg');
    if (svg) svg.setAttribute('aria-label', t('tak.qr.label', e.username));
    qr.hidden = false;
    $('qr-expiry').textContent = t('tak.qr.expiry', e.username, e.host, Kizuna.fmt.dateTime(e.expires));
    $('qr-expiry').hidden = false;
  });

  Kizuna.page({ title: t('tak.title'), banner: 'UNCLASSIFIED' }).then(connection).catch(e => problem(e.message));
})();
