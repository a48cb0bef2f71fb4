"""The review page's style sheet and script, inlined into the page (no external assets)."""

CSS = """
:root { --err: #c62828; --warn: #ef6c00; --info: #1565c0; --ok: #2e7d32; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans",
       "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #222; background: #fafafa; }
header { padding: 12px 20px; background: #263238; color: #fff; }
header h1 { margin: 0 0 4px; font-size: 18px; }
header .counts span { margin-right: 14px; }
.sev-badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff;
             font-size: 12px; }
.sev-badge.error { background: var(--err); } .sev-badge.warning { background: var(--warn); }
.sev-badge.info { background: var(--info); }
#filters { position: sticky; top: 0; z-index: 5; background: #eceff1; padding: 8px 20px;
           border-bottom: 1px solid #cfd8dc; display: flex; flex-wrap: wrap; gap: 14px;
           align-items: center; }
#filters fieldset { border: none; margin: 0; padding: 0; }
#filters label { margin-right: 8px; white-space: nowrap; }
#layout { display: grid; grid-template-columns: 360px 1fr; gap: 0; }
#findings { height: calc(100vh - var(--bar, 46px)); overflow: auto; position: sticky;
            top: var(--bar, 46px);
            border-right: 1px solid #cfd8dc; background: #fff; padding: 8px 10px; }
#findings h2, main h2 { font-size: 15px; margin: 8px 0; }
#findings ol { list-style: none; padding: 0; margin: 0; }
#findings li { padding: 5px 4px; border-bottom: 1px solid #eee; }
#findings li a { color: inherit; text-decoration: none; display: block; }
#findings li a:hover { background: #f1f8e9; }
#findings .where { color: #607d8b; font-size: 12px; }
main { padding: 0 16px 40px; min-width: 0; }
section.chapter { margin-top: 18px; }
svg.chart { display: block; margin: 4px 0 8px; background: #fff; border: 1px solid var(--line); }
table.units { width: 100%; border-collapse: collapse; table-layout: fixed; background: #fff; }
table.units th { text-align: left; background: #f5f5f5; border-bottom: 2px solid #ccc;
                 padding: 4px 6px; position: sticky; top: var(--bar, 46px); z-index: 2; }
table.units td { vertical-align: top; padding: 5px 6px; border-bottom: 1px solid var(--line); }
table.units col.meta { width: 108px; }
td.meta { font-size: 12px; color: #546e7a; }
td.meta .conf { display: block; }
td .lines { color: #90a4ae; font-size: 11px; }
td.empty { background: repeating-linear-gradient(45deg, #fff, #fff 6px, #f3f3f3 6px,
           #f3f3f3 12px); }
tr.unit.error td { background-color: #ffebee; } tr.unit.warning td { background-color: #fff3e0; }
tr.unit.info td { background-color: #e3f2fd; }
tr.unit:target td, tr.unit.flash td { outline: 2px solid #263238; }
tr.notes td { padding: 2px 6px 8px 114px; border-bottom: 1px solid var(--line); font-size: 13px; }
tr.notes div { margin: 2px 0; }
mark { background: #ffd54f; padding: 0 1px; }
mark.piece { background: #e1bee7; box-shadow: inset 0 -2px #6a1b9a; }
#findings .baseline { margin: 0 0 8px; font-size: 12px; }
#findings .baseline .import { display: inline-block; margin-top: 4px; }
#findings .baseline input[type=file] { font-size: 11px; max-width: 210px; }
#triage-status { display: block; color: #546e7a; }
fieldset.triage { border: none; margin: 3px 0 0; padding: 0; font-size: 12px; }
fieldset.triage legend { position: absolute; width: 1px; height: 1px; overflow: hidden;
                         clip: rect(0 0 0 0); }
fieldset.triage label { margin-right: 6px; }
fieldset.triage .note { width: 100%; margin-top: 2px; font: inherit; padding: 1px 4px; }
#findings li[data-status=accepted] { border-left: 3px solid var(--err); }
#findings li[data-status=dismissed], tr.notes div[data-status=dismissed] { opacity: .55; }
tr.notes div[data-status=dismissed] { text-decoration: line-through; }
tr.notes div[data-status]:not([data-status=open])::after { content: " (" attr(data-status) ")";
                                                          color: #546e7a; }
.low { color: var(--err); font-weight: 600; }
.hidden { display: none !important; }
"""

JS = r"""
(function () {
  const $ = (s, el) => (el || document).querySelectorAll(s);
  const units = $('tr.unit'), notes = {}, items = $('#findings li'), byId = {}, quoted = {};
  $('tr.notes').forEach(r => { notes[r.dataset.unit] = r; });
  items.forEach(li => { byId[li.dataset.id] = li; });
  $('tr.notes div[data-id]').forEach(d => { (quoted[d.dataset.id] ||= []).push(d); });
  const doc = document.body.dataset.doc, memory = {};
  const key = id => 'sco-review:' + doc + ':' + id;
  const store = {  // localStorage, or memory where the browser refuses it for file://
    get(id) {
      try { return JSON.parse(localStorage.getItem(key(id))); } catch (e) { return memory[id]; }
    },
    set(id, state) {
      try {
        if (state) localStorage.setItem(key(id), JSON.stringify(state));
        else localStorage.removeItem(key(id));
      } catch (e) { memory[id] = state; }
    },
  };
  function checked(name) {
    return new Set([...$('input[name="' + name + '"]:checked')].map(i => i.value));
  }
  function status(li) { return li.dataset.status; }
  function show(li, state) {
    const value = state && ['accepted', 'dismissed'].includes(state.status) ? state.status : 'open';
    li.dataset.status = value;
    li.querySelector('input[value="' + value + '"]').checked = true;
    li.querySelector('.note').value = (state && state.note) || '';
    (quoted[li.dataset.id] || []).forEach(d => { d.dataset.status = value; });
  }
  function save(li, state) {
    show(li, state);
    store.set(li.dataset.id, status(li) === 'open' && !state.note ? null
      : {status: status(li), note: state.note});
    apply();
  }
  function apply() {
    const checks = checked('check'), sevs = checked('severity'), triage = checked('triage');
    const section = document.getElementById('f-section').value;
    const maxConf = parseFloat(document.getElementById('f-conf').value);
    const onlyFlagged = document.getElementById('f-flagged').checked;
    const passes = li => checks.has(li.dataset.check) && sevs.has(li.dataset.severity)
      && triage.has(status(li));
    document.getElementById('f-conf-value').textContent = maxConf.toFixed(2);
    let shown = 0;
    units.forEach(row => {
      const flagged = row.dataset.findings.split(' ').some(id => byId[id] && passes(byId[id]));
      const visible = (section === '' || row.dataset.section === section)
        && parseFloat(row.dataset.conf) <= maxConf && (!onlyFlagged || flagged);
      row.classList.toggle('hidden', !visible);
      if (notes[row.id]) notes[row.id].classList.toggle('hidden', !visible);
      if (visible) shown++;
    });
    const tally = {open: 0, accepted: 0, dismissed: 0};
    items.forEach(li => {
      tally[status(li)]++;
      li.classList.toggle('hidden', !(passes(li)
        && (section === '' || li.dataset.section === section)));
    });
    for (const name in tally) document.getElementById('n-' + name).textContent = tally[name];
    $('section.chapter').forEach(s => s.classList.toggle('hidden',
      section !== '' && s.dataset.section !== section));
    document.getElementById('shown').textContent = shown;
  }
  function download() {
    const triaged = [...items].filter(li => status(li) !== 'open').map(li => ({
      id: li.dataset.id, check: li.dataset.check, severity: li.dataset.severity,
      status: status(li), note: li.querySelector('.note').value,
      message: li.querySelector('.msg').textContent}));
    const url = URL.createObjectURL(new Blob([JSON.stringify(triaged, null, 1) + '\n'],
                                             {type: 'application/json'}));
    const link = document.createElement('a');
    link.href = url;
    link.download = doc.replace(/\.[^.]*$/, '') + '.baseline.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    report(triaged.length + ' triaged finding(s) saved to ' + link.download);
  }
  function report(text) { document.getElementById('triage-status').textContent = text; }
  async function load(file) {
    // as `sco-corpus check --baseline` reads it: a JSON list of ids or of objects with an id
    // (a findings.json: accepted), or ids one per line
    const text = (await file.text()).replace(/^\ufeff/, '');
    let entries;
    try {
      entries = /^\s*[\[{]/.test(text) ? JSON.parse(text)
        : text.split('\n').map(line => line.trim().split(/\s+/)[0]).filter(Boolean);
      if (!Array.isArray(entries)) throw new Error('not a list');
    } catch (e) {
      report(file.name + ': not a baseline (' + e.message + ')');
      return;
    }
    let restored = 0;
    entries.map(e => typeof e === 'string' ? {id: e} : e || {}).forEach(e => {
      if (!byId[e.id]) return;
      save(byId[e.id], {status: e.status === 'dismissed' ? 'dismissed' : 'accepted',
                        note: typeof e.note === 'string' ? e.note : ''});
      restored++;
    });
    report(file.name + ': ' + restored + ' of ' + entries.length + ' finding(s) restored');
  }
  items.forEach(li => {
    show(li, store.get(li.dataset.id));
    li.querySelector('fieldset').addEventListener('input', ev => save(li, {
      status: li.querySelector('input[type=radio]:checked').value,
      note: li.querySelector('.note').value}));
  });
  document.getElementById('download').addEventListener('click', download);
  document.getElementById('import').addEventListener('change', ev => {
    if (ev.target.files[0]) load(ev.target.files[0]).finally(() => { ev.target.value = ''; });
  });
  $('#filters input, #filters select').forEach(el => el.addEventListener('input', apply));
  const bar = document.getElementById('filters');  // sticky: what sticks below it
  new ResizeObserver(() => document.documentElement.style.setProperty(
    '--bar', bar.offsetHeight + 'px')).observe(bar);
  document.addEventListener('click', ev => {
    const link = ev.target.closest('a[href^="#"]');
    if (!link) return;
    const target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    ev.preventDefault();
    if (target.classList.contains('hidden')) {
      document.getElementById('f-section').value = '';
      document.getElementById('f-conf').value = 1;
      document.getElementById('f-flagged').checked = false;
      apply();
    }
    target.scrollIntoView({block: 'center'});
    history.replaceState(null, '', '#' + target.id);
    target.classList.add('flash');
    setTimeout(() => target.classList.remove('flash'), 1500);
  });
  apply();
})();
"""
