// Roles-and-missions page: the matrix of a day as a heat map (gap / covered / duplicated, with each nation's role),
// the analysis (gaps and duplications) and the changes since a day, with the registry page's date control.
(function () {
  const { api, el } = Kizuna;
  const asOfInput = document.getElementById('asOf');
  const sinceInput = document.getElementById('since');
  const slider = document.getElementById('slider');
  const problemBox = document.getElementById('problem');
  const today = new Date().toISOString().slice(0, 10);
  asOfInput.max = today;
  slider.max = today.slice(0, 4);
  let requestSeq = 0;

  function showProblem(e) { problemBox.hidden = false; problemBox.textContent = e.message; }

  function yearBefore(day) { return String(Number(day.slice(0, 4)) - 1) + day.slice(4); }

  async function load(day) {
    const seq = ++requestSeq;
    let since = sinceInput.value;
    if (!since || since >= day) { since = yearBefore(day); sinceInput.value = since; }
    try {
      const a = await api('/api/v1/missions/analysis?asOf=' + day + '&since=' + since);
      if (seq !== requestSeq) return;
      problemBox.hidden = true;
      drawMatrix(a);
      drawFindings(a);
      drawChanges(a);
      const labels = a.cells.flatMap(c => c.assignments.map(x => x.label)).concat(a.changes.map(c => c.assignment.label));
      Kizuna.rollUpBanner(labels.length ? labels : ['UNCLASSIFIED']).catch(showProblem);
      document.getElementById('status').textContent = a.gaps.length + ' gaps, ' + a.duplications.length + ' duplications as of ' + day;
      document.getElementById('matrix').dataset.asOf = day;
    } catch (e) { showProblem(e); }
  }

  function drawMatrix(a) {
    const table = document.getElementById('matrix');
    const cells = new Map(a.cells.map(c => [c.area + '|' + c.region, c]));
    const head = el('tr', {}, el('th', {}, 'Mission area'), ...a.regions.map(r => el('th', { title: r.description }, r.name)));
    const rows = a.areas.map(area => el('tr', { 'data-area': area.id }, el('th', { title: area.description }, area.name),
      ...a.regions.map(r => {
        const c = cells.get(area.id + '|' + r.id);
        const coverage = c.coverage.toLowerCase();
        const td = el('td', { class: 'cell ' + coverage, 'data-cell': area.id + '|' + r.id, 'data-coverage': c.coverage },
          el('span', { class: 'coverage' }, coverage));
        for (const x of c.assignments) {
          td.append(el('span', { class: 'role', 'data-assignment': x.id, title: (x.task ? x.task + ' · ' : '') + (x.division || '') + ' ' + x.label },
            el('span', { class: 'nation' }, x.nation), x.organization + ' ' + x.role.toLowerCase()));
        }
        return td;
      })));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  }

  function drawFindings(a) {
    const list = document.getElementById('findings');
    const all = [...a.gaps, ...a.duplications];
    document.getElementById('finding-count').textContent = a.gaps.length + ' gaps, ' + a.duplications.length + ' duplications';
    list.replaceChildren(...all.map(f => el('li', { 'data-kind': f.kind, 'data-cell': f.area + '|' + f.region },
      el('span', { class: 'tag ' + (f.kind === 'GAP' ? 'bad' : 'warn') }, f.kind.replace('_', ' ').toLowerCase()), ' ', f.text)));
    if (!all.length) list.append(el('li', { class: 'muted' }, 'no gaps or duplications'));
  }

  function drawChanges(a) {
    const list = document.getElementById('changes');
    document.getElementById('change-count').textContent = a.changes.length + ' since ' + a.since;
    list.replaceChildren(...a.changes.map(c => el('li', { 'data-assignment': c.assignment.id },
      c.day + ' ' + c.kind.toLowerCase() + ': ' + c.assignment.organization + ' (' + c.assignment.nation + ') ' + c.assignment.role.toLowerCase()
      + ' in ' + c.assignment.area + ' / ' + c.assignment.region)));
    if (!a.changes.length) list.append(el('li', { class: 'muted' }, 'nothing began or ended'));
  }

  function setDay(day) {
    asOfInput.value = day;
    slider.value = day.slice(0, 4);
    load(day);
  }

  asOfInput.addEventListener('change', () => { if (asOfInput.value) { slider.value = asOfInput.value.slice(0, 4); load(asOfInput.value); } });
  sinceInput.addEventListener('change', () => load(asOfInput.value || today));
  slider.addEventListener('input', () => setDay(slider.value === today.slice(0, 4) ? today : slider.value + '-12-31'));
  document.getElementById('today').addEventListener('click', () => setDay(today));

  Kizuna.page({ title: 'Roles and missions', banner: 'UNCLASSIFIED' }).then(() => {
    const q = new URLSearchParams(location.search);
    if (q.get('since')) sinceInput.value = q.get('since');
    setDay(q.get('asOf') || today);
  });
})();
