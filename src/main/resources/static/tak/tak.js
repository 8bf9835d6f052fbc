// The console's TAK page: the signed-in user's connection data package and enrollment QR code (drawn by the node as SVG).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const t = Kizuna.t;
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
