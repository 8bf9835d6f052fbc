// Booking calendar: a week in the viewer's zone with the facility's local time beside, bookings as blocks
// that can be dragged to propose another start, refusals with their reasons, live updates by SSE.
(function () {
  const { api, el } = Kizuna;
  const SLOT = 24, HALF_HOUR = 30 * 60 * 1000;
  const q = new URLSearchParams(location.search);
  let zone = 'UTC', facilityZone = 'UTC', weekStart = null, facilities = [], units = [];
  const facilitySel = document.getElementById('facility'), unitSel = document.getElementById('unit');

  function parts(date, tz) {
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).formatToParts(date).map(x => [x.type, x.value]));
    return p;
  }
  // Midnight starting the viewer-zone day that contains `date`, as an instant.
  function zoneMidnight(date, tz) {
    const p = parts(date, tz);
    const guess = Date.UTC(+p.year, +p.month - 1, +p.day);
    const offset = (() => { const z = parts(new Date(guess), tz); return Date.UTC(+z.year, +z.month - 1, +z.day, +z.hour, +z.minute) - guess; })();
    return new Date(guess - offset);
  }
  function mondayOf(date) {
    let d = zoneMidnight(date, zone);
    for (let i = 0; i < 7 && parts(d, zone).weekday !== 'Mon'; i++) d = zoneMidnight(new Date(d.getTime() - 12 * 3600e3), zone);
    return d;
  }
  function showProblem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }

  async function load() {
    const facility = unitSel.value ? '' : facilitySel.value;
    const query = unitSel.value ? 'unit=' + encodeURIComponent(unitSel.value) : 'facility=' + encodeURIComponent(facility);
    const requests = await api('/api/v1/booking/requests?' + query);
    // the facility's reserved times: every booking's time, whoever holds it, without unit, label or priority
    const weekEnd = new Date(weekStart.getTime() + 7 * 86400e3);
    const reserved = unitSel.value ? [] : (await api(`/api/v1/booking/facilities/${encodeURIComponent(facility)}/reserved?from=${weekStart.toISOString()}&to=${weekEnd.toISOString()}`)).reserved;
    const f = facilities.find(x => x.id === facility);
    facilityZone = f ? f.zone : zone;
    document.getElementById('ics').href = unitSel.value ? `/api/v1/booking/units/${unitSel.value}/calendar.ics` : `/api/v1/booking/facilities/${facility}/calendar.ics`;
    draw(requests, reserved);
    const complaints = unitSel.value ? [] : await neighbours(facility);
    Kizuna.rollUpBanner(requests.map(r => r.label).concat(complaints.map(c => c.label))).catch(showProblem);
  }

  // A wall-clock time in zone tz (from a datetime-local input) as an instant.
  function fromZoneLocal(value, tz) {
    const [d, t] = value.split('T'), [y, m, day] = d.split('-').map(Number), [h, min] = t.split(':').map(Number);
    const guess = Date.UTC(y, m - 1, day, h, min);
    const z = parts(new Date(guess), tz);
    return new Date(guess - (Date.UTC(+z.year, +z.month - 1, +z.day, +z.hour, +z.minute) - guess));
  }
  function local(iso, tz) {
    const p = parts(new Date(iso), tz);
    return `${p.weekday} ${p.day}/${p.month} ${p.hour}:${p.minute}`;
  }

  // The facility's month for the local liaison: activity, noise budget, complaints with the bookings linked to them.
  async function neighbours(facility) {
    const p = parts(new Date(weekStart.getTime() + 3 * 86400e3), facilityZone), month = `${p.year}-${p.month}`;
    document.getElementById('month').textContent = month + ' (' + facilityZone + ')';
    const report = await api(`/api/v1/booking/facilities/${encodeURIComponent(facility)}/report?month=${month}`);
    document.getElementById('report').textContent = `Booked ${report.reservedHours.toFixed(1)} h, noisy ${report.noisyHours.toFixed(1)} h`
      + (report.noiseBudget != null ? ` of a noise budget of ${report.noiseBudget} h` : ' (no noise budget)')
      + ` · ${report.complaints.length} complaint(s), ${report.answered} answered`;
    const list = document.getElementById('complaints');
    list.replaceChildren(...report.complaints.map(c => el('div', { class: 'complaint' + (c.action ? ' answered' : ''), 'data-id': c.id },
      el('b', {}, local(c.occurredAt, facilityZone) + ' · ' + c.kind.toLowerCase().replace('_', ' ') + (c.quietHours ? ' · quiet hours' : '')),
      ' ' + c.source + ': ' + c.description,
      ...c.links.map(l => el('div', { class: 'link' }, '↳ ' + l.request + ' ' + l.unit + ' ' + local(l.start, facilityZone) + '–' + local(l.end, facilityZone)
        + (l.noisy ? ' (noisy)' : ''), ...l.broken.map(b => el('div', { class: 'broken' }, '⚠ ' + b)))),
      c.links.length === 0 ? el('div', { class: 'muted' }, c.occupancy.some(o => o.reserved) ? 'the facility was reserved then' : 'no booking at that time') : null,
      c.action ? el('div', { class: 'muted' }, 'Done: ' + c.action + ' (' + c.actionBy + ')') : null)));
    return report.complaints;
  }

  document.getElementById('new-complaint').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const body = { facility: facilitySel.value, occurredAt: fromZoneLocal(f.get('occurredAt'), facilityZone).toISOString(), kind: f.get('kind'),
      source: f.get('source'), description: f.get('description'), label: 'UNCLASSIFIED' };
    try {
      const c = await api('/api/v1/booking/complaints', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
      document.getElementById('status').textContent = c.id + ' recorded, ' + c.links.length + ' booking(s) linked';
      document.getElementById('problem').hidden = true;
      await load();
    } catch (err) { showProblem(err); }
  });

  function draw(requests, reserved) {
    const cal = document.getElementById('calendar');
    cal.replaceChildren();
    const end = new Date(weekStart.getTime() + 7 * 86400e3);
    document.getElementById('week').textContent = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(weekStart);
    cal.append(el('div', { class: 'head' }, zone.split('/').pop()), el('div', { class: 'head' }, facilityZone.split('/').pop()));
    const days = [];
    for (let d = 0; d < 7; d++) {
      const day = new Date(weekStart.getTime() + d * 86400e3);
      cal.append(el('div', { class: 'head' }, new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(day)));
      days.push(day);
    }
    const hours = el('div', { class: 'hours' }), local = el('div', { class: 'hours local' });
    for (let h = 0; h < 48; h++) {
      const t = new Date(weekStart.getTime() + h * HALF_HOUR);
      hours.append(el('div', {}, h % 2 ? '' : String(h / 2).padStart(2, '0') + ':00'));
      const p = parts(t, facilityZone);
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
        const band = el('div', { class: 'reserved', title: 'reserved' + (r.places > 1 ? ' (' + r.places + ' places)' : '') }, 'reserved');
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
          el('b', {}, r.state + ' '), r.unit + ' · ' + r.facilities.join(', ') + ' · ', el('span', { class: 'muted' }, r.label), el('div', {}, r.reason || '')));
        continue;
      }
      const start = new Date(r.start), stop = new Date(r.end);
      if (stop <= weekStart || start >= end) continue;
      const dayIndex = Math.floor((start - weekStart) / 86400e3);
      if (dayIndex < 0 || dayIndex > 6) continue;
      const top = ((start - days[dayIndex]) / HALF_HOUR) * SLOT, height = Math.max(SLOT, ((stop - start) / HALF_HOUR) * SLOT);
      const block = el('div', { class: 'block' + (r.confirmed ? ' confirmed' : '') + (r.noisy ? ' noisy' : ''), 'data-request': r.id,
        title: r.label + ' · priority ' + r.priority }, el('div', { class: 'b' }, r.unit), r.facility + ' · P' + r.priority, el('div', {}, r.label));
      block.style.top = top + 'px';
      block.style.height = height + 'px';
      columns[dayIndex].append(block);
      draggable(block, r, columns);
    }
  }

  function draggable(block, r, columns) {
    block.addEventListener('mousedown', (down) => {
      down.preventDefault();
      const startTop = parseFloat(block.style.top), startX = down.clientX, startY = down.clientY;
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
        const proposed = new Date(new Date(r.start).getTime() + shift).toISOString().replace('.000Z', 'Z');
        try {
          await api('/api/v1/booking/requests/' + r.id + '/proposal', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
            body: JSON.stringify({ preferredStart: proposed }) });
          document.getElementById('status').textContent = 'proposed ' + proposed + ' for ' + r.id;
        } catch (e) { showProblem(e); }
        await load();
      };
      document.addEventListener('mousemove', move);
      document.addEventListener('mouseup', up);
    });
  }

  document.getElementById('new-request').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const body = { unit: f.get('unit'), facilities: f.get('facilities').split(',').map(s => s.trim()).filter(Boolean),
      durationMinutes: +f.get('durationMinutes'), earliestStart: f.get('earliestStart'), latestStart: f.get('latestStart'),
      preferredStart: f.get('preferredStart'), priority: +f.get('priority'), noisy: f.get('noisy') === 'on', label: f.get('label') };
    try {
      const r = await api('/api/v1/booking/requests', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
      document.getElementById('status').textContent = r.id + ': ' + r.state + (r.reason ? ' — ' + r.reason : '');
      document.getElementById('problem').hidden = true;
      await load();
    } catch (err) { showProblem(err); }
  });

  Kizuna.page({ title: 'Bookings' }).then(async (me) => {
    zone = me.zone;
    document.getElementById('viewer-zone').textContent = zone;
    [facilities, units] = await Promise.all([api('/api/v1/registry/facilities'), api('/api/v1/registry/organizations')]);
    for (const f of facilities) facilitySel.append(el('option', { value: f.id }, f.name));
    for (const u of units) unitSel.append(el('option', { value: u.id }, u.abbreviation));
    facilitySel.value = q.get('facility') || 'camp-hansen';
    if (q.get('unit')) unitSel.value = q.get('unit');
    weekStart = mondayOf(q.get('week') ? new Date(q.get('week')) : new Date());
    facilitySel.addEventListener('change', () => { unitSel.value = ''; load().catch(showProblem); });
    unitSel.addEventListener('change', () => load().catch(showProblem));
    document.getElementById('prev').addEventListener('click', () => { weekStart = mondayOf(new Date(weekStart.getTime() - 3 * 86400e3)); load(); });
    document.getElementById('next').addEventListener('click', () => { weekStart = mondayOf(new Date(weekStart.getTime() + 10 * 86400e3)); load(); });
    new EventSource('/api/v1/booking/events').addEventListener('state', () => load().catch(showProblem));
    await load().catch(showProblem);
  });
})();
