// Roles-and-missions page: the matrix of a day as a heat map (gap / covered / duplicated, with each nation's role),
// the analysis (gaps and duplications) and the changes since a day, with the registry page's date control. Findings
// are told in the reader's language from the analysis' structure (kind, cell, assignments).
(function () {
  const { api, el, t, fmt } = Kizuna;
  const asOfInput = document.getElementById('asOf');
  const sinceInput = document.getElementById('since');
  const slider = document.getElementById('slider');
  const problemBox = document.getElementById('problem');
  let today = new Date().toISOString().slice(0, 10);
  let requestSeq = 0;
  const COVERAGE = { GAP: t('missions.coverage.GAP'), COVERED: t('missions.coverage.COVERED'), DUPLICATED: t('missions.coverage.DUPLICATED') };
  const ROLE = { LEAD: t('missions.role.LEAD'), SUPPORTING: t('missions.role.SUPPORTING'), SUPPORTED: t('missions.role.SUPPORTED') };
  const KIND = { GAP: t('missions.kind.GAP'), TWO_LEADS: t('missions.kind.TWO_LEADS'), UNDIVIDED_TASK: t('missions.kind.UNDIVIDED_TASK') };
  const CHANGE = { BEGAN: t('missions.change.BEGAN'), ENDED: t('missions.change.ENDED') };

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
      document.getElementById('status').textContent = t('missions.status', fmt.number(a.gaps.length), fmt.number(a.duplications.length), fmt.date(day));
      document.getElementById('matrix').dataset.asOf = day;
    } catch (e) { showProblem(e); }
  }

  function drawMatrix(a) {
    const table = document.getElementById('matrix');
    const cells = new Map(a.cells.map(c => [c.area + '|' + c.region, c]));
    const head = el('tr', {}, el('th', { scope: 'col' }, t('missions.area')), ...a.regions.map(r => el('th', { scope: 'col', title: r.description }, r.name)));
    const rows = a.areas.map(area => el('tr', { 'data-area': area.id }, el('th', { scope: 'row', title: area.description }, area.name),
      ...a.regions.map(r => {
        const c = cells.get(area.id + '|' + r.id);
        const td = el('td', { class: 'cell ' + c.coverage.toLowerCase(), 'data-cell': area.id + '|' + r.id, 'data-coverage': c.coverage },
          el('span', { class: 'coverage' }, COVERAGE[c.coverage] || c.coverage));
        for (const x of c.assignments) {
          td.append(el('span', { class: 'role', 'data-assignment': x.id, title: (x.task ? x.task + ' · ' : '') + (x.division || '') + ' ' + x.label },
            el('span', { class: 'nation' }, x.nation), x.organization + ' ' + (ROLE[x.role] || x.role)));
        }
        return td;
      })));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  }

  // A finding in words, from the cell and the assignments it names.
  function findingText(a, f) {
    const area = (a.areas.find(x => x.id === f.area) || { name: f.area }).name;
    const region = (a.regions.find(x => x.id === f.region) || { name: f.region }).name;
    const cell = a.cells.find(c => c.area === f.area && c.region === f.region) || { assignments: [] };
    const named = cell.assignments.filter(x => f.assignments.includes(x.id));
    if (f.kind === 'GAP') {
      return cell.assignments.length ? t('missions.finding.gap-others', area, region, fmt.number(cell.assignments.length)) : t('missions.finding.gap', area, region);
    }
    if (f.kind === 'TWO_LEADS') {
      return t('missions.finding.two-leads', area, region, fmt.number(named.length), named.map(x => x.organization + ' (' + x.nation + ')').join(', '));
    }
    if (f.kind === 'UNDIVIDED_TASK' && named.length) {
      return t('missions.finding.undivided', area, region, [...new Set(named.map(x => x.nation))].sort().join(' / '), named[0].task || '');
    }
    return f.text;
  }

  function drawFindings(a) {
    const list = document.getElementById('findings');
    const all = [...a.gaps, ...a.duplications];
    document.getElementById('finding-count').textContent = t('missions.count', fmt.number(a.gaps.length), fmt.number(a.duplications.length));
    list.replaceChildren(...all.map(f => el('li', { 'data-kind': f.kind, 'data-cell': f.area + '|' + f.region },
      el('span', { class: 'tag ' + (f.kind === 'GAP' ? 'bad' : 'warn') }, KIND[f.kind] || f.kind), ' ', findingText(a, f))));
    if (!all.length) list.append(el('li', { class: 'muted' }, t('missions.no-findings')));
  }

  function drawChanges(a) {
    const list = document.getElementById('changes');
    const place = (x) => ((a.areas.find(y => y.id === x.area) || { name: x.area }).name) + ' / ' + ((a.regions.find(y => y.id === x.region) || { name: x.region }).name);
    document.getElementById('change-count').textContent = t('missions.changes.count', fmt.number(a.changes.length), fmt.date(a.since));
    list.replaceChildren(...a.changes.map(c => el('li', { 'data-assignment': c.assignment.id, 'data-change': c.kind },
      t('missions.change', fmt.date(c.day), CHANGE[c.kind] || c.kind, c.assignment.organization, c.assignment.nation, ROLE[c.assignment.role] || c.assignment.role,
        place(c.assignment)))));
    if (!a.changes.length) list.append(el('li', { class: 'muted' }, t('missions.changes.none')));
  }

  function setDay(day) {
    asOfInput.value = day;
    slider.value = day.slice(0, 4);
    slider.setAttribute('aria-valuetext', day.slice(0, 4));
    load(day);
  }

  asOfInput.addEventListener('change', () => { if (asOfInput.value) { slider.value = asOfInput.value.slice(0, 4); load(asOfInput.value); } });
  sinceInput.addEventListener('change', () => load(asOfInput.value || today));
  slider.addEventListener('input', () => setDay(slider.value === today.slice(0, 4) ? today : slider.value + '-12-31'));
  document.getElementById('today').addEventListener('click', () => setDay(today));

  Kizuna.page({ title: t('missions.title'), banner: 'UNCLASSIFIED' }).then(() => {
    // today is a day of the reader's own calendar
    today = Kizuna.instantToLocal(new Date().toISOString()).slice(0, 10);
    asOfInput.max = today;
    slider.max = today.slice(0, 4);
    const q = new URLSearchParams(location.search);
    if (q.get('since')) sinceInput.value = q.get('since');
    setDay(q.get('asOf') || today);
  });
})();
