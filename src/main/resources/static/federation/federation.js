// The Federation page: the node's peers and the health of the links, refreshed every two seconds.
(function () {
  const { el, t } = Kizuna;
  const body = document.querySelector('#peers tbody');
  const status = document.getElementById('status');
  const problem = document.getElementById('problem');
  const EXCHANGE = { tracks: t('federation.exchange.tracks'), observations: t('federation.exchange.observations') };
  const STATE = { pending: t('federation.state.pending'), approved: t('federation.state.approved'), revoked: t('federation.state.revoked') };

  function cell(text, cls) {
    return el('td', cls ? { class: cls } : {}, text);
  }

  function link(up) {
    return cell(up ? t('federation.link.up') : t('federation.link.down'), up ? 'up' : 'down');
  }

  async function refresh() {
    try {
      const peers = await Kizuna.api('/api/v1/federation/peers');
      body.replaceChildren();
      for (const p of peers) {
        body.append(el('tr', { 'data-peer': p.nation }, el('th', { scope: 'row' }, p.nation), cell(STATE[p.state] || p.state), cell(p.address),
          cell(EXCHANGE[p.exchange] || p.exchange), link(p.outbound), link(p.inbound),
          cell(p.queued == null ? '—' : Kizuna.fmt.number(p.queued) + (p.pending ? ' ' + t('federation.pending', Kizuna.fmt.number(p.pending)) : '')), cell(p.lagSeconds == null ? '—' : t('federation.lag', Kizuna.fmt.number(p.lagSeconds, 1))),
          cell(p.lastError ? p.lastError + (p.lastErrorAt ? ' (' + Kizuna.fmt.dateTime(p.lastErrorAt) + ')' : '') : '', 'error')));
      }
      if (peers.length === 0) {
        const td = cell(t('federation.none'));
        td.colSpan = 9;
        body.append(el('tr', {}, td));
      }
      status.textContent = t('federation.updated', Kizuna.fmt.time(new Date().toISOString()));
      problem.hidden = true;
    } catch (e) {
      problem.textContent = t('federation.cannotRead', e.message);
      problem.hidden = false;
    }
  }

  async function identity() {
    const id = await Kizuna.api('/api/v1/federation/identity');
    const box = document.getElementById('identity');
    box.textContent = t('federation.node.identity', id.nation, id.address && id.address !== 'off' ? id.address : t('federation.node.off')) + ' ';
    box.append(el('span', { class: 'fingerprint' }, id.fingerprint));
  }

  Kizuna.page({ title: t('federation.title'), banner: 'UNCLASSIFIED' }).then(() => {
    identity().catch(() => { /* the peers say enough */ });
    refresh();
    setInterval(refresh, 2000);
  });
})();
