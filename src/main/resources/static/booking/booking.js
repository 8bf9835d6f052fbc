// Booking calendar: a week in the viewer's zone with the facility's local time beside, bookings as blocks that can be
// dragged (or chosen and given a new start) to propose another start, refusals with their reasons, live updates by SSE;
// a form that takes local dates and times (the facility's or the viewer's, as chosen) and converts them to instants;
// the facility's month for the neighbours; a print view of the calendar. Texts in the page's language (Kizuna.t).
(function () {
  const { api, el, t } = Kizuna;
  const LOCALE = Kizuna.lang === 'ja' ? 'ja-JP' : (navigator.language && navigator.language.startsWith('en') ? navigator.language : 'en-US');
  const STATE = { PENDING: t('booking.state.PENDING'), BOOKED: t('booking.state.BOOKED'), REFUSED: t('booking.state.REFUSED'), CANCELLED: t('booking.state.CANCELLED') };
  const KIND = { NOISE: t('booking.complaintKind.NOISE'), LOW_FLIGHT: t('booking.complaintKind.LOW_FLIGHT'), NIGHT_ACTIVITY: t('booking.complaintKind.NIGHT_ACTIVITY'),
    INCIDENT: t('booking.complaintKind.INCIDENT'), OTHER: t('booking.complaintKind.OTHER') };
  const SLOT = 24, HALF_HOUR = 30 * 60 * 1000;
  const q = new URLSearchParams(location.search);
  let zone = 'UTC', facilityZone = 'UTC', weekStart = null, facilities = [], units = [], selected = null;
  const facilitySel = document.getElementById('facility'), unitSel = document.getElementById('unit'), statusEl = document.getElementById('status');
  const requestForm = document.getElementById('new-request'), zoneSel = document.getElementById('request-zone');

  function parts(date, tz) {
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).formatToParts(date).map(x => [x.type, x.value]));
    return p;
  }
  // Midnight starting the day in zone tz that contains `date`, as an instant.
  function zoneMidnight(date, tz) {
    const p = parts(date, tz);
    return new Date(Kizuna.localToInstant(`${p.year}-${p.month}-${p.day}T00:00`, tz));
  }
  function mondayOf(date) {
    let d = zoneMidnight(date, zone);
    for (let i = 0; i < 7 && parts(d, zone).weekday !== 'Mon'; i++) d = zoneMidnight(new Date(d.getTime() - 12 * 3600e3), zone);
    return d;
  }
  const dayFormat = (options, tz) => new Intl.DateTimeFormat(LOCALE, Object.assign({ timeZone: tz || zone }, options));
  const facilityOf = (id) => facilities.find(x => x.id === id);
  const zoneOfFacility = (id) => (facilityOf(id) || {}).zone || zone;
  const unitName = (u) => u.abbreviation + ' — ' + ((Kizuna.lang === 'ja' && u.nameJa) ? u.nameJa : u.name);
  function showProblem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  function say(text, data) {
    statusEl.textContent = text;
    for (const k of Object.keys(statusEl.dataset)) delete statusEl.dataset[k];
    Object.assign(statusEl.dataset, data || {});
  }
  const json = (method, body) => ({ method, headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });

  async function load() {
    const facility = unitSel.value ? '' : facilitySel.value;
    const query = unitSel.value ? 'unit=' + encodeURIComponent(unitSel.value) : 'facility=' + encodeURIComponent(facility);
    const requests = await api('/api/v1/booking/requests?' + query);
    // the facility's reserved times: every booking's time, whoever holds it, without unit, label or priority
    const weekEnd = new Date(weekStart.getTime() + 7 * 86400e3);
    const reserved = unitSel.value ? [] : (await api(`/api/v1/booking/facilities/${encodeURIComponent(facility)}/reserved?from=${weekStart.toISOString()}&to=${weekEnd.toISOString()}`)).reserved;
    facilityZone = facility ? zoneOfFacility(facility) : zone;
    document.getElementById('facility-zone').textContent = facilityZone;
    document.getElementById('complaint-at-label').textContent = t('booking.complaint.at', facilityZone);
    document.getElementById('ics').href = unitSel.value ? `/api/v1/booking/units/${unitSel.value}/calendar.ics` : `/api/v1/booking/facilities/${facility}/calendar.ics`;
    draw(requests, reserved);
    if (selected) { const again = requests.find(r => r.id === selected.id); if (again) select(again, true); }
    const complaints = unitSel.value ? [] : await neighbours(facility);
    Kizuna.rollUpBanner(requests.map(r => r.label).concat(complaints.map(c => c.label))).catch(showProblem);
  }

  // The facility's month for the local liaison: activity, noise budget, complaints with the bookings linked to them.
  async function neighbours(facility) {
    const p = parts(new Date(weekStart.getTime() + 3 * 86400e3), facilityZone), month = `${p.year}-${p.month}`;
    const monthName = dayFormat({ year: 'numeric', month: 'long' }, 'UTC').format(new Date(Date.UTC(+p.year, +p.month - 1, 15)));
    document.getElementById('month').textContent = t('booking.neighbours.month', monthName, facilityZone);
    const report = await api(`/api/v1/booking/facilities/${encodeURIComponent(facility)}/report?month=${month}`);
    const n = (x) => Kizuna.fmt.number(x, 1);
    document.getElementById('report').textContent = report.noiseBudget != null
      ? t('booking.report.hoursBudget', n(report.reservedHours), n(report.noisyHours), n(report.noiseBudget), report.complaints.length, report.answered)
      : t('booking.report.hours', n(report.reservedHours), n(report.noisyHours), report.complaints.length, report.answered);
    const list = document.getElementById('complaints');
    list.replaceChildren(...report.complaints.map(c => el('div', { class: 'complaint' + (c.action ? ' answered' : ''), 'data-id': c.id },
      el('b', {}, Kizuna.fmt.dateTime(c.occurredAt, facilityZone) + ' · ' + (KIND[c.kind] || c.kind) + (c.quietHours ? ' · ' + t('booking.complaint.quietHours') : '')),
      ' ' + c.source + ': ' + c.description,
      ...c.links.map(l => el('div', { class: 'link' }, t('booking.complaint.link', l.request, l.unit, Kizuna.fmt.time(l.start, facilityZone),
        Kizuna.fmt.time(l.end, facilityZone)) + (l.noisy ? ' (' + t('booking.noisy') + ')' : ''), ...l.broken.map(b => el('div', { class: 'broken' }, '⚠ ' + b)))),
      c.links.length === 0 ? el('div', { class: 'muted' }, c.occupancy.some(o => o.reserved) ? t('booking.complaint.reservedThen') : t('booking.complaint.noBooking')) : null,
      c.action ? el('div', { class: 'muted' }, t('booking.complaint.done', c.action, c.actionBy)) : null)));
    return report.complaints;
  }

  document.getElementById('new-complaint').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const body = { facility: facilitySel.value, occurredAt: Kizuna.localToInstant(f.get('occurredAt'), facilityZone), kind: f.get('kind'),
      source: f.get('source'), description: f.get('description'), label: 'UNCLASSIFIED' };
    try {
      const c = await api('/api/v1/booking/complaints', json('POST', body));
      say(t('booking.complaint.recorded', c.id, c.links.length), { complaint: c.id });
      document.getElementById('problem').hidden = true;
      await load();
    } catch (err) { showProblem(err); }
  });

  function draw(requests, reserved) {
    const cal = document.getElementById('calendar');
    cal.replaceChildren();
    const end = new Date(weekStart.getTime() + 7 * 86400e3);
    const weekLabel = t('booking.week.of', dayFormat({ dateStyle: 'medium' }).format(weekStart));
    document.getElementById('week').textContent = weekLabel;
    const what = unitSel.value ? unitSel.selectedOptions[0].textContent : (facilityOf(facilitySel.value) || {}).name || facilitySel.value;
    document.getElementById('print-title').textContent = t('booking.print.title', what, weekLabel) + ' · ' + zone + ' / ' + facilityZone;
    cal.append(el('div', { class: 'head', title: zone }, zone.split('/').pop()), el('div', { class: 'head', title: facilityZone }, facilityZone.split('/').pop()));
    const days = [];
    for (let d = 0; d < 7; d++) {
      const day = new Date(weekStart.getTime() + d * 86400e3);
      cal.append(el('div', { class: 'head' }, dayFormat({ weekday: 'short', day: 'numeric', month: 'short' }).format(day)));
      days.push(day);
    }
    const hours = el('div', { class: 'hours' }), local = el('div', { class: 'hours local' });
    for (let h = 0; h < 48; h++) {
      const at = new Date(weekStart.getTime() + h * HALF_HOUR);
      hours.append(el('div', {}, h % 2 ? '' : String(h / 2).padStart(2, '0') + ':00'));
      const p = parts(at, facilityZone);
      local.append(el('div', {}, h % 2 ? '' : p.hour + ':' + p.minute));
    }
    cal.append(hours, local);
    const columns = days.map((day, i) => { const c = el('div', { class: 'day', 'data-day': i }); cal.append(c); return c; });
    columns.forEach(c => { c.style.gridRow = '2'; });
    hours.style.gridRow = local.style.gridRow = '2';
    for (const r of reserved || []) {
      for (let d = 0; d < 7; d++) {
        const from = Math.max(new Date(r.start).getTime(), days[d].getTime()), to = Math.min(new Date(r.end).getTime(), days[d].getTime() + 86400e3);
        if (to <= from) continue;
        const band = el('div', { class: 'reserved', title: r.places > 1 ? t('booking.reserved.places', r.places) : t('booking.reserved') }, t('booking.reserved'));
        band.style.top = ((from - days[d]) / HALF_HOUR) * SLOT + 'px';
        band.style.height = Math.max(SLOT / 2, ((to - from) / HALF_HOUR) * SLOT) + 'px';
        columns[d].append(band);
      }
    }
    const others = document.getElementById('others');
    others.replaceChildren();
    for (const r of requests) {
      if (r.state !== 'BOOKED') {
        if (r.state === 'CANCELLED') continue;
        others.append(el('div', { class: 'req ' + r.state.toLowerCase(), 'data-request': r.id },
          el('b', {}, (STATE[r.state] || r.state) + ' '), r.unit + ' · ' + r.facilities.join(', ') + ' · ', el('span', { class: 'muted' }, r.label), el('div', {}, r.reason || '')));
        continue;
      }
      const start = new Date(r.start), stop = new Date(r.end);
      if (stop <= weekStart || start >= end) continue;
      const dayIndex = Math.floor((start - weekStart) / 86400e3);
      if (dayIndex < 0 || dayIndex > 6) continue;
      const top = ((start - days[dayIndex]) / HALF_HOUR) * SLOT, height = Math.max(SLOT, ((stop - start) / HALF_HOUR) * SLOT);
      const fz = zoneOfFacility(r.facility);
      const block = el('button', { type: 'button', class: 'block' + (r.confirmed ? ' confirmed' : '') + (r.noisy ? ' noisy' : ''), 'data-request': r.id,
        title: r.label + ' · P' + r.priority, 'aria-label': t('booking.block', r.unit, r.facility, r.priority, STATE[r.state], Kizuna.fmt.both(r.start, fz)) },
        el('span', { class: 'b' }, r.unit), el('span', {}, r.facility + ' · P' + r.priority), el('span', {}, r.label));
      block.style.top = top + 'px';
      block.style.height = height + 'px';
      columns[dayIndex].append(block);
      block.addEventListener('click', () => select(r));
      draggable(block, r, columns);
    }
    if (!others.childElementCount) others.append(el('p', { class: 'muted' }, t('booking.others.none')));
  }

  // The chosen booking: its times in the viewer's zone, the facility's and the requesting unit's, and a new start to propose.
  function select(r, again) {
    selected = r;
    const fz = zoneOfFacility(r.facility);
    const f = facilityOf(r.facility);
    const rows = [
      [t('booking.detail.unit'), r.unit + ' (' + r.nation + ')'],
      [t('booking.detail.facility'), f ? f.name : r.facility],
      [t('booking.detail.state'), (STATE[r.state] || r.state) + (r.confirmed ? ' · ' + t('booking.confirmed') : '') + (r.noisy ? ' · ' + t('booking.noisy') : '')],
      [t('booking.detail.start'), Kizuna.fmt.both(r.start, fz)],
      [t('booking.detail.end'), Kizuna.fmt.both(r.end, fz)],
      [t('booking.detail.requester'), t('booking.detail.requesterTime', Kizuna.fmt.time(r.start, r.requesterZone), r.nation, r.requesterZone)],
      [t('booking.detail.priority'), String(r.priority)],
      [t('booking.detail.label'), r.label],
    ];
    const dl = el('dl', { 'data-request': r.id });
    for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, v));
    document.getElementById('selected-body').replaceChildren(dl);
    document.getElementById('selected-body').hidden = false;
    document.getElementById('selected-none').hidden = true;
    const form = document.getElementById('proposal');
    document.getElementById('proposal-label').textContent = t('booking.proposal.at', fz);
    // a refresh (a change pushed by the node) leaves a start being typed as it is
    if (!again || document.activeElement !== form.elements.start) form.elements.start.value = Kizuna.instantToLocal(r.preferredStart || r.start, fz);
    form.hidden = false;
  }

  async function propose(r, instant) {
    try {
      await api('/api/v1/booking/requests/' + r.id + '/proposal', json('POST', { preferredStart: instant }));
      say(t('booking.proposed', Kizuna.fmt.both(instant, zoneOfFacility(r.facility)), r.id), { proposed: instant, request: r.id });
      document.getElementById('problem').hidden = true;
    } catch (e) { showProblem(e); }
    await load();
  }

  document.getElementById('proposal').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!selected) return;
    const instant = Kizuna.localToInstant(e.target.elements.start.value, zoneOfFacility(selected.facility));
    if (instant) propose(selected, instant);
  });

  function draggable(block, r, columns) {
    block.addEventListener('mousedown', (down) => {
      down.preventDefault();
      const startX = down.clientX, startY = down.clientY;
      const width = columns[0].getBoundingClientRect().width;
      let dy = 0, dd = 0;
      block.classList.add('dragging');
      const move = (e) => {
        dy = Math.round((e.clientY - startY) / SLOT) * SLOT;
        dd = Math.round((e.clientX - startX) / width);
        block.style.transform = `translate(${dd * width}px, ${dy}px)`;
      };
      const up = async () => {
        document.removeEventListener('mousemove', move);
        document.removeEventListener('mouseup', up);
        block.classList.remove('dragging');
        if (dy === 0 && dd === 0) { block.style.transform = ''; return; }
        const shift = dd * 86400e3 + (dy / SLOT) * HALF_HOUR;
        await propose(r, new Date(new Date(r.start).getTime() + shift).toISOString().replace('.000Z', 'Z'));
      };
      document.addEventListener('mousemove', move);
      document.addEventListener('mouseup', up);
    });
  }

  // The new request's times are local: the facility's (its first acceptable facility's) or the viewer's, as chosen.
  const TIMES = ['earliestStart', 'latestStart', 'preferredStart'];
  let formZone = null;
  function chosenFacilities() { return [...requestForm.elements.facilities.selectedOptions].map(o => o.value); }
  function requestFacilityZone() { const f = chosenFacilities()[0]; return f ? zoneOfFacility(f) : facilityZone; }
  function requestZone() { return zoneSel.value === 'mine' ? zone : requestFacilityZone(); }
  function unitZone() { const u = units.find(x => x.id === requestForm.elements.unit.value); return u ? u.zone : zone; }

  // Writes the zone choices; where the zone of the times changes, the times keep their instants and are shown in the new zone.
  function rezone() {
    const fz = requestFacilityZone();
    zoneSel.options[0].textContent = t('booking.form.zone.facility', fz);
    zoneSel.options[1].textContent = t('booking.form.zone.mine', zone);
    const now = requestZone();
    if (formZone && formZone !== now) {
      for (const name of TIMES) {
        const input = requestForm.elements[name], instant = Kizuna.localToInstant(input.value, formZone);
        if (instant) input.value = Kizuna.instantToLocal(instant, now);
      }
    }
    formZone = now;
    document.getElementById('request-zone-now').textContent = zoneSel.selectedOptions[0].textContent;
    preview();
  }

  function preview() {
    const instant = Kizuna.localToInstant(requestForm.elements.preferredStart.value, formZone);
    document.getElementById('request-preview').textContent = instant
      ? t('booking.form.preview', Kizuna.fmt.both(instant, requestFacilityZone()), Kizuna.fmt.time(instant, unitZone())) : '';
  }

  function setUpRequestForm() {
    const unit = requestForm.elements.unit, chosen = requestForm.elements.facilities;
    for (const u of units) unit.append(el('option', { value: u.id }, unitName(u)));
    unit.value = units.some(u => u.id === 'iii-mef') ? 'iii-mef' : (units[0] || {}).id || '';
    for (const f of facilities) chosen.append(el('option', { value: f.id }, f.name));
    zoneSel.append(el('option', { value: 'facility' }), el('option', { value: 'mine' }));
    for (const o of chosen.options) o.selected = o.value === facilitySel.value;
    rezone();
    // tomorrow 08:00 at the facility, a window of two days
    const fz = requestFacilityZone();
    const morning = new Date(zoneMidnight(new Date(Date.now() + 86400e3), fz).getTime() + 8 * 3600e3);
    requestForm.elements.earliestStart.value = Kizuna.instantToLocal(morning.toISOString(), formZone);
    requestForm.elements.preferredStart.value = Kizuna.instantToLocal(morning.toISOString(), formZone);
    requestForm.elements.latestStart.value = Kizuna.instantToLocal(new Date(morning.getTime() + 2 * 86400e3).toISOString(), formZone);
    preview();
    zoneSel.addEventListener('change', rezone);
    chosen.addEventListener('change', rezone);
    unit.addEventListener('change', preview);
    requestForm.elements.preferredStart.addEventListener('input', preview);
  }

  requestForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const [earliestStart, latestStart, preferredStart] = TIMES.map(name => Kizuna.localToInstant(f.get(name), formZone));
    if (!earliestStart || !latestStart || !preferredStart) { showProblem(new Error(t('booking.form.missingTime'))); return; }
    const body = { unit: f.get('unit'), facilities: chosenFacilities(), durationMinutes: +f.get('durationMinutes'), earliestStart, latestStart,
      preferredStart, priority: +f.get('priority'), noisy: f.get('noisy') === 'on', label: f.get('label') };
    try {
      const r = await api('/api/v1/booking/requests', json('POST', body));
      say(r.reason ? t('booking.form.filedWithReason', r.id, STATE[r.state] || r.state, r.reason) : t('booking.form.filed', r.id, STATE[r.state] || r.state),
        { request: r.id });
      document.getElementById('problem').hidden = true;
      await load();
    } catch (err) { showProblem(err); }
  });

  document.getElementById('print').addEventListener('click', () => window.print());

  Kizuna.page({ title: t('booking.title') }).then(async (me) => {
    zone = me.zone;
    document.getElementById('viewer-zone').textContent = zone;
    [facilities, units] = await Promise.all([api('/api/v1/registry/facilities'), api('/api/v1/registry/organizations')]);
    for (const f of facilities) facilitySel.append(el('option', { value: f.id }, f.name));
    for (const u of units) unitSel.append(el('option', { value: u.id }, u.abbreviation));
    facilitySel.value = q.get('facility') || 'camp-hansen';
    if (q.get('unit')) unitSel.value = q.get('unit');
    facilityZone = zoneOfFacility(facilitySel.value);
    weekStart = mondayOf(q.get('week') ? new Date(q.get('week')) : new Date());
    setUpRequestForm();
    facilitySel.addEventListener('change', () => { unitSel.value = ''; load().catch(showProblem); });
    unitSel.addEventListener('change', () => load().catch(showProblem));
    document.getElementById('prev').addEventListener('click', () => { weekStart = mondayOf(new Date(weekStart.getTime() - 3 * 86400e3)); load().catch(showProblem); });
    document.getElementById('next').addEventListener('click', () => { weekStart = mondayOf(new Date(weekStart.getTime() + 10 * 86400e3)); load().catch(showProblem); });
    new EventSource('/api/v1/booking/events').addEventListener('state', () => load().catch(showProblem));
    await load().catch(showProblem);
  });
})();
