// Exercises: series and exercises, an exercise's stages as a timeline with their products and a close button, the
// planning conference time finder with every participant's local time, the MSEL, and observations, issues and lessons.
(function () {
  const { api, el } = Kizuna;
  const q = new URLSearchParams(location.search);
  const seriesSel = document.getElementById('series'), exerciseSel = document.getElementById('exercise');
  const json = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: body == null ? undefined : JSON.stringify(body) });
  let current = null;

  function showProblem(e) { const b = document.getElementById('problem'); b.hidden = false; b.textContent = e.message; }
  function clearProblem() { document.getElementById('problem').hidden = true; }
  function status(text) { document.getElementById('status').textContent = text; }

  async function loadExercises(select) {
    const list = await api('/api/v1/exercises' + (seriesSel.value ? '?series=' + encodeURIComponent(seriesSel.value) : ''));
    exerciseSel.replaceChildren(...list.map(x => el('option', { value: x.id }, x.name + (x.currentStage ? ' (' + x.currentStage + ')' : ''))));
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
    const facts = [x.nations.join(', '), x.units.length ? 'units ' + x.units.join(', ') : null, x.start ? x.start + ' to ' + (x.end || '?') : null,
      x.location, x.template, x.label, x.verification ? 'facts ' + x.verification + ' (' + x.sources.join(', ') + ')' : null, x.notes].filter(Boolean);
    document.getElementById('facts').textContent = facts.join(' · ');
    drawTimeline(x, view.products);
    drawMsel(injects);
    drawFindings(observations, issues, lessons);
    const lessonsOfSeries = await api('/api/v1/exercises/series/' + encodeURIComponent(x.series) + '/lessons');
    document.getElementById('series-lessons').replaceChildren(...(lessonsOfSeries.length ? lessonsOfSeries.map(l =>
      el('div', { class: 'slot', id: 'series-' + l.id }, el('b', {}, l.title), ' · ' + l.status + ' · ' + l.owner + ' · ' + l.exercise)) : [el('div', { class: 'muted' }, 'none yet')]));
    Kizuna.rollUpBanner([x.label, ...view.products.map(p => p.label), ...injects.map(i => i.label), ...observations.map(o => o.label),
      ...issues.map(i => i.label), ...lessons.map(l => l.label)]).catch(showProblem);
    const date = document.querySelector('#conference [name=date]');
    if (!date.value) date.value = new Date(Date.now() + 14 * 86400e3).toISOString().slice(0, 10);
  }

  function drawTimeline(x, products) {
    const ol = document.getElementById('timeline');
    ol.replaceChildren();
    for (const s of x.stages) {
      const mine = products.filter(p => p.stage === s.id);
      const missing = s.requiredProducts.filter(k => !mine.some(p => p.kind === k));
      const li = el('li', { class: s.closedAt ? 'closed' : (s.id === x.currentStage ? 'current' : ''), 'data-stage': s.id },
        el('b', {}, s.title), ' ',
        el('span', { class: 'muted' }, (s.plannedStart ? s.plannedStart + ' to ' + s.plannedEnd : '') + (s.closedAt ? ' · closed ' + s.closedAt.slice(0, 10) + ' by ' + s.closedBy : '')));
      if (s.id === x.currentStage) {
        li.append(el('button', { class: 'close-stage', onclick: () => closeStage(x.id, s.id) }, 'Close stage'));
      }
      li.append(el('div', { class: 'products' }, ...mine.map(p => el('span', { class: 'tag', title: p.label }, p.kind + ': ' + p.title)), ' ',
        s.closedAt || !missing.length ? '' : el('span', { class: 'missing' }, 'needs ' + missing.join(', '))));
      ol.append(li);
    }
  }

  async function closeStage(id, stage) {
    try {
      await api('/api/v1/exercises/' + encodeURIComponent(id) + '/stages/' + stage + '/close', json(null));
      status('closed ' + stage);
      await show(id);
    } catch (e) { showProblem(e); }
  }

  function drawMsel(injects) {
    const body = document.querySelector('#msel tbody');
    body.replaceChildren(...injects.map(i => el('tr', { 'data-inject': i.id },
      el('td', {}, i.at.replace('T', ' ').replace(/:00Z$/, 'Z')), el('td', {}, i.ownerNation + ' ' + i.owner), el('td', {}, i.audience),
      el('td', {}, i.expectedAction), el('td', {}, el('span', { class: 'tag' }, i.label)), el('td', {}, i.text),
      el('td', {}, i.playedAt ? el('span', { class: 'played' }, 'played ' + i.playedAt.slice(11, 16) + 'Z') :
        (current && current.currentStage === 'execution' ? el('button', { onclick: () => play(i.id) }, 'Play') : '')))));
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
    if (!observations.length && !issues.length && !lessons.length) box.append(el('div', { class: 'muted' }, 'none yet'));
    for (const o of observations) {
      box.append(el('div', { class: 'item' }, el('b', {}, 'Observation '), o.text + ' · ' + o.nation + ' ' + o.observedBy + ' · ' + o.label));
      for (const i of issues.filter(i => i.observation === o.id)) {
        box.append(el('div', { class: 'item issue' }, el('b', {}, 'Issue '), i.title + ' · ' + i.label));
        for (const l of lessons.filter(l => l.issue === i.id)) {
          box.append(el('div', { class: 'item lesson', id: l.id }, el('b', {}, 'Lesson '), l.title + ' · ' + l.status + ' · owner ' + l.owner + ' · ' + l.label));
        }
      }
    }
  }

  document.getElementById('conference').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!current) return;
    const f = new FormData(ev.target);
    try {
      const t = await api('/api/v1/exercises/' + encodeURIComponent(current.id) + '/conference-times?date=' + f.get('date') + '&hours=' + f.get('hours'));
      const box = document.getElementById('times');
      const slot = (s, bad) => el('div', { class: 'slot' + (bad ? ' bad' : '') },
        el('div', {}, el('b', {}, s.start.slice(11, 16) + '-' + s.end.slice(11, 16) + ' UTC')),
        ...s.local.map(l => el('div', { class: l.minutesOutside ? 'out' : '' }, l.participant + ' · ' + l.city + ': ' + l.weekday + ' '
          + l.start.slice(11, 16) + '-' + l.end.slice(11, 16) + (l.minutesOutside ? ' (' + l.minutesOutside + ' min outside hours)' : ''))));
      box.replaceChildren(el('div', { class: 'statement', id: 'statement' }, t.statement),
        ...(t.found ? t.slots.map(s => slot(s, false)) : (t.leastBad ? [el('div', { class: 'muted' }, 'Least bad:'), slot(t.leastBad, true)] : [])));
    } catch (e) { showProblem(e); }
  });
  seriesSel.addEventListener('change', () => loadExercises(null).catch(showProblem));
  exerciseSel.addEventListener('change', () => show(exerciseSel.value).catch(showProblem));

  Kizuna.page({ title: 'Exercises' }).then(async () => {
    const series = await api('/api/v1/exercises/series');
    for (const s of series) seriesSel.append(el('option', { value: s.id, title: s.cadence }, s.name));
    if (q.get('series')) seriesSel.value = q.get('series');
    await loadExercises(q.get('exercise'));
  }).catch(showProblem);
})();
