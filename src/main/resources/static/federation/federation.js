// The Federation page: the node's peers and the health of the links, refreshed every two seconds.
(function () {
  const body = document.querySelector('#peers tbody');
  const status = document.getElementById('status');
  const problem = document.getElementById('problem');

  function cell(text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  function link(up) {
    return cell(up ? 'connected' : 'down', up ? 'up' : 'down');
  }

  async function refresh() {
    try {
      const r = await fetch('/api/v1/federation/peers', {headers: {Accept: 'application/json'}});
      if (!r.ok) throw new Error((await r.json()).detail || r.statusText);
      const peers = await r.json();
      body.replaceChildren();
      for (const p of peers) {
        const tr = document.createElement('tr');
        tr.append(cell(p.nation), cell(p.state), cell(p.address), link(p.outbound), link(p.inbound),
          cell(p.queued == null ? '—' : String(p.queued)), cell(p.lagSeconds == null ? '—' : p.lagSeconds.toFixed(1) + ' s'),
          cell(p.lastError ? p.lastError + (p.lastErrorAt ? ' (' + new Date(p.lastErrorAt).toLocaleString() + ')' : '') : '', 'error'));
        body.append(tr);
      }
      if (peers.length === 0) {
        const tr = document.createElement('tr');
        const td = cell('No peers: an administrator adds one with POST /api/v1/federation/peers.');
        td.colSpan = 8;
        tr.append(td);
        body.append(tr);
      }
      status.textContent = 'updated ' + new Date().toLocaleTimeString();
      problem.hidden = true;
    } catch (e) {
      problem.textContent = 'Cannot read the peers: ' + e.message;
      problem.hidden = false;
    }
  }

  async function identity() {
    const r = await fetch('/api/v1/federation/identity');
    if (!r.ok) return;
    const id = await r.json();
    const el = document.getElementById('identity');
    el.textContent = 'Node ' + id.nation + ', federation port ' + id.address + ', CA fingerprint (give it to a partner\'s administrator): ';
    const fp = document.createElement('span');
    fp.className = 'fingerprint';
    fp.textContent = id.fingerprint;
    el.append(fp);
  }

  identity();
  refresh();
  setInterval(refresh, 2000);
})();
