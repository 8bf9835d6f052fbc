// Exercises: series and exercises, an exercise's stages as a timeline with their products and a close button, the
// planning conference time finder for a day of the reader's calendar with every participant's local time, the MSEL
// (each inject's time in the reader's zone and the other capital's), and observations, issues and lessons.
(function () {
  const { api, el, t } = Kizuna;
  const fmt = Kizuna.fmt;
  const q = new URLSearchParams(location.search);
  const seriesSel = document.getElementById('series'), exerciseSel = document.getElementById('exercise');
  const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: body == null ? undefined : JSON.stringify(body) });
  let current = null;
  const STAGE = {
    'JOINT.design': t('exercises.stage.JOINT.design'), 'JOINT.cdc': t('exercises.stage.JOINT.cdc'), 'JOINT.ipc': t('exercises.stage.JOINT.ipc'),
    'JOINT.mpc': t('exercises.stage.JOINT.mpc'), 'JOINT.fpc': t('exercises.stage.JOINT.fpc'), 'JOINT.execution': t('exercises.stage.JOINT.execution'),
    'JOINT.aar': t('exercises.stage.JOINT.aar'), 'JOINT.lessons': t('exercises.stage.JOINT.lessons'),
    'NATO.specification': t('exercises.stage.NATO.specification'), 'NATO.planning': t('exercises.stage.NATO.planning'),
    'NATO.execution': t('exercises.stage.NATO.execution'), 'NATO.analysis': t('exercises.stage.NATO.analysis') };
  const PRODUCT = {
    'exercise-specification': t('exercises.product.exercise-specification'), 'concept-document': t('exercises.product.concept-document'),
    'exercise-plan-draft': t('exercises.product.exercise-plan-draft'), 'exercise-plan': t('exercises.product.exercise-plan'),
    'msel-draft': t('exercises.product.msel-draft'), 'facility-requests': t('exercises.product.facility-requests'),
    'final-msel': t('exercises.product.final-msel'), 'play-log': t('exercises.product.play-log'),
    'after-action-report': t('exercises.product.after-action-report'), 'lessons-list': t('exercises.product.lessons-list') };
  const LESSON = { OPEN: t('exercises.lesson.OPEN'), ACTION: t('exercises.lesson.ACTION'), CLOSED: t('exercises.lesson.CLOSED') };
  const TEMPLATE = { JOINT: t('exercises.template.JOINT'), NATO: t('exercises.template.NATO') };
  const VERIFICATION = { verified: t('exercises.verification.verified'), reported: t('exercises.verification.reported'),
    unverified: t('exercises.verification.unverified') };
  const CITY = { 'Asia/Tokyo': t('exercises.city.tokyo'), 'America/New_York': t('exercises.city.washington'), 'Pacific/Honolulu': t('exercises.city.honolulu'),
    'Australia/Sydney': t('exercises.city.canberra'), 'Asia/Seoul': t('exercises.city.seoul'), 'Europe/London': t('exercises.city.london') };
  const stageTitle = (x, s) => STAGE[x.template + '.' + s.id] || s.title;
  const product = (k) => PRODUCT[k] || k;
  const city = (zone, fallback) => CITY[zone] || fallback || zone;
  // the other capital whose time matters beside the reader's: Washington for a reader on Tokyo time, Tokyo for the rest
  const otherZone = () => (Kizuna.me && Kizuna.me.zone === 'Asia/Tokyo') ? 'America/New_York' : 'Asia/Tokyo';
  const range = (a, b) => a && b ? t('exercises.range', fmt.date(a), fmt.date(b)) : a ? fmt.date(a) : '';

  function showProblem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  function clearProblem() { document.getElementById('problem').hidden = true; }
  function status(text) { document.getElementById('status').textContent = text; }

  async function loadExercises(select) {
    const list = await api('/api/v1/exercises' + (seriesSel.value ? '?series=' + encodeURIComponent(seriesSel.value) : ''));
    exerciseSel.replaceChildren(...list.map(x => el('option', { value: x.id }, x.name
      + (x.currentStage ? ' (' + stageTitle(x, x.stages.find(s => s.id === x.currentStage) || { id: x.currentStage, title: x.currentStage }) + ')' : ''))));
    if (select && list.some(x => x.id === select)) exerciseSel.value = select;
    else { const planning = list.find(x => x.currentStage); if (planning) exerciseSel.value = planning.id; }
    if (exerciseSel.value) await show(exerciseSel.value);
  }

  async function show(id) {
    clearProblem();
    const id_ = encodeURIComponent(id);
    const [view, injects, observations, issues, lessons] = await Promise.all([api('/api/v1/exercises/' + id_), api('/api/v1/exercises/' + id_ + '/injects'),
      api('/api/v1/exercises/' + id_ + '/observations'), api('/api/v1/exercises/' + id_ + '/issues'), api('/api/v1/exercises/' + id_ + '/lessons')]);
    const x = view.exercise; current = x;
    document.getElementById('title').textContent = x.name;
    const facts = [x.nations.join(', '), x.units.length ? t('exercises.facts.units', x.units.join(', ')) : null,
      x.start ? t('exercises.facts.execution', range(x.start, x.end || x.start)) : null, x.location, TEMPLATE[x.template] || x.template, x.label,
      x.verification ? t('exercises.facts.verification', VERIFICATION[x.verification] || x.verification, x.sources.join(', ')) : null, x.notes].filter(Boolean);
    document.getElementById('facts').textContent = facts.join(' · ');
    drawTimeline(x, view.products);
    drawMsel(injects);
    drawFindings(observations, issues, lessons);
    const lessonsOfSeries = await api('/api/v1/exercises/series/' + encodeURIComponent(x.series) + '/lessons');
    document.getElementById('series-lessons').replaceChildren(...(lessonsOfSeries.length ? lessonsOfSeries.map(l =>
      el('div', { class: 'slot', id: 'series-' + l.id }, el('b', {}, l.title), ' · ' + (LESSON[l.status] || l.status) + ' · ' + l.owner + ' · ' + l.exercise))
      : [el('div', { class: 'muted' }, t('exercises.none-yet'))]));
    Kizuna.rollUpBanner([x.label, ...view.products.map(p => p.label), ...injects.map(i => i.label), ...observations.map(o => o.label),
      ...issues.map(i => i.label), ...lessons.map(l => l.label)]).catch(showProblem);
    const date = document.querySelector('#conference [name=date]');
    if (!date.value) date.value = Kizuna.instantToLocal(new Date(Date.now() + 14 * 86400e3).toISOString()).slice(0, 10);
  }

  function drawTimeline(x, products) {
    const ol = document.getElementById('timeline');
    ol.replaceChildren();
    for (const s of x.stages) {
      const mine = products.filter(p => p.stage === s.id);
      const missing = s.requiredProducts.filter(k => !mine.some(p => p.kind === k));
      const li = el('li', { class: s.closedAt ? 'closed' : (s.id === x.currentStage ? 'current' : ''), 'data-stage': s.id },
        el('b', {}, stageTitle(x, s)), ' ',
        el('span', { class: 'muted' }, range(s.plannedStart, s.plannedEnd)),
        s.closedAt ? el('span', { class: 'muted' }, ' · ' + t('exercises.stage.closed', fmt.both(s.closedAt, otherZone()), s.closedBy)) : '',
        s.id === x.currentStage ? el('span', { class: 'sr-only' }, ' (' + t('exercises.stage.current') + ')') : '');
      if (s.id === x.currentStage) {
        li.append(el('button', { class: 'close-stage', type: 'button', onclick: () => closeStage(x.id, s.id) }, t('exercises.stage.close')));
      }
      li.append(el('div', { class: 'products' }, ...mine.map(p => el('span', { class: 'tag', title: p.label }, product(p.kind) + ': ' + p.title)), ' ',
        s.closedAt || !missing.length ? '' : el('span', { class: 'missing' }, t('exercises.stage.needs', missing.map(product).join(', ')))));
      ol.append(li);
    }
  }

  async function closeStage(id, stage) {
    try {
      await api('/api/v1/exercises/' + encodeURIComponent(id) + '/stages/' + stage + '/close', json(null));
      status(t('exercises.status.closed', stage));
      await show(id);
    } catch (e) { showProblem(e); }
  }

  function drawMsel(injects) {
    const body = document.querySelector('#msel tbody');
    body.replaceChildren(...injects.map(i => el('tr', { 'data-inject': i.id },
      el('td', { 'data-at': i.at }, fmt.both(i.at, otherZone())), el('td', {}, i.ownerNation + ' ' + i.owner), el('td', {}, i.audience),
      el('td', {}, i.expectedAction), el('td', {}, el('span', { class: 'tag' }, i.label)), el('td', {}, i.text),
      el('td', {}, i.playedAt ? el('span', { class: 'played' }, t('exercises.msel.played-at', fmt.dateTime(i.playedAt), i.playedBy || '')) :
        (current && current.currentStage === 'execution' ? el('button', { type: 'button', onclick: () => play(i.id) }, t('exercises.msel.play')) : '')))));
  }

  async function play(inject) {
    try {
      await api('/api/v1/exercises/' + encodeURIComponent(current.id) + '/injects/' + inject + '/play', json(null));
      await show(current.id);
    } catch (e) { showProblem(e); }
  }

  function drawFindings(observations, issues, lessons) {
    const box = document.getElementById('findings');
    box.replaceChildren();
    if (!observations.length && !issues.length && !lessons.length) box.append(el('div', { class: 'muted' }, t('exercises.none-yet')));
    for (const o of observations) {
      box.append(el('div', { class: 'item' }, el('b', {}, t('exercises.finding.observation') + ' '), o.text + ' · ' + o.nation + ' ' + o.observedBy
        + ' · ' + fmt.dateTime(o.observedAt) + ' · ' + o.label));
      for (const i of issues.filter(i => i.observation === o.id)) {
        box.append(el('div', { class: 'item issue' }, el('b', {}, t('exercises.finding.issue') + ' '), i.title + ' · ' + i.label));
        for (const l of lessons.filter(l => l.issue === i.id)) {
          box.append(el('div', { class: 'item lesson', id: l.id }, el('b', {}, t('exercises.finding.lesson') + ' '),
            l.title + ' · ' + (LESSON[l.status] || l.status) + ' · ' + t('exercises.finding.owner', l.owner) + ' · ' + l.label));
        }
      }
    }
  }

  // A participant's local start and end of a slot, in the participant's zone and the reader's language.
  function localSpan(slot, zone) {
    const locale = Kizuna.lang === 'ja' ? 'ja-JP' : 'en-US';
    const day = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: zone }).format(new Date(slot.start));
    const time = (i) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date(i));
    return day + ' ' + time(slot.start) + '–' + time(slot.end);
  }

  function statement(r, day) {
    const who = r.participants.map(p => city(p.zone, p.city) + ' (' + p.zone + ')').filter((v, i, a) => a.indexOf(v) === i).join(', ');
    const hours = /^(\d\d:\d\d)-(\d\d:\d\d)/.exec(r.workingHours || '') || [null, '08:00', '18:00'];
    const left = r.left.length ? ' ' + t('exercises.conference.left', r.left.join(', ')) : '';
    if (!r.participants.length) return t('exercises.conference.nobody') + left;
    if (r.found) return t('exercises.conference.found', fmt.number(r.slots.length), r.hours, day, hours[1], hours[2], who) + left;
    return t('exercises.conference.none', r.hours, day, hours[1], hours[2], who) + left;
  }

  document.getElementById('conference').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!current) return;
    const f = new FormData(ev.target);
    const zone = Kizuna.me.zone;
    try {
      const r = await api('/api/v1/exercises/' + encodeURIComponent(current.id) + '/conference-times?date=' + f.get('date') + '&hours=' + f.get('hours')
        + '&zone=' + encodeURIComponent(zone));
      const box = document.getElementById('times');
      // a nation's national staff in the reader's language; units by their abbreviation
      const staff = new Map(r.participants.filter(p => p.name === p.id + ' national staff').map(p => [p.name, t('exercises.conference.staff', p.id)]));
      const slot = (s, bad) => el('div', { class: 'slot' + (bad ? ' bad' : ''), 'data-start': s.start },
        el('div', {}, el('b', {}, t('exercises.conference.slot', fmt.date(Kizuna.instantToLocal(s.start, zone).slice(0, 10)), localSpan(s, zone), zone))),
        ...s.local.map(l => el('div', { class: l.minutesOutside ? 'out' : '' }, (staff.get(l.participant) || l.participant) + ' · ' + city(l.zone, l.city) + ': ' + localSpan(s, l.zone)
          + (l.minutesOutside ? ' ' + t('exercises.conference.outside', fmt.number(l.minutesOutside)) : ''))));
      box.replaceChildren(el('div', { class: 'statement', id: 'statement' }, statement(r, fmt.date(f.get('date')) + ' (' + zone + ')')),
        ...(r.found ? r.slots.map(s => slot(s, false)) : (r.leastBad ? [el('div', { class: 'muted' }, t('exercises.conference.least-bad')), slot(r.leastBad, true)] : [])));
    } catch (e) { showProblem(e); }
  });
  seriesSel.addEventListener('change', () => loadExercises(null).catch(showProblem));
  exerciseSel.addEventListener('change', () => show(exerciseSel.value).catch(showProblem));

  Kizuna.page({ title: t('exercises.title') }).then(async (me) => {
    document.getElementById('msel-time').textContent = t('exercises.msel.time-zone', me.zone, city(otherZone()));
    document.getElementById('conference-day').textContent = t('exercises.conference.day-zone', me.zone);
    const series = await api('/api/v1/exercises/series');
    for (const s of series) seriesSel.append(el('option', { value: s.id, title: s.cadence }, s.name));
    if (q.get('series')) seriesSel.value = q.get('series');
    await loadExercises(q.get('exercise'));
  }).catch(showProblem);
})();
