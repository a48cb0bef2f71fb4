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
#findings { height: calc(100vh - 100px); overflow: auto; position: sticky; top: 46px;
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
                 padding: 4px 6px; position: sticky; top: 46px; z-index: 2; }
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
.low { color: var(--err); font-weight: 600; }
.hidden { display: none !important; }
"""

JS = """
(function () {
  const $ = (s, el) => (el || document).querySelectorAll(s);
  const units = $('tr.unit'), notes = {}, items = $('#findings li');
  $('tr.notes').forEach(r => { notes[r.dataset.unit] = r; });
  function checked(name) {
    return new Set([...$('input[name="' + name + '"]:checked')].map(i => i.value));
  }
  function apply() {
    const checks = checked('check'), sevs = checked('severity');
    const section = document.getElementById('f-section').value;
    const maxConf = parseFloat(document.getElementById('f-conf').value);
    const onlyFlagged = document.getElementById('f-flagged').checked;
    document.getElementById('f-conf-value').textContent = maxConf.toFixed(2);
    let shown = 0;
    units.forEach(row => {
      const flags = (row.dataset.flags || '').split(' ').filter(Boolean);
      const flagged = flags.some(f => {
        const [check, severity] = f.split(':');
        return checks.has(check) && sevs.has(severity);
      });
      const visible = (section === '' || row.dataset.section === section)
        && parseFloat(row.dataset.conf) <= maxConf && (!onlyFlagged || flagged);
      row.classList.toggle('hidden', !visible);
      if (notes[row.id]) notes[row.id].classList.toggle('hidden', !visible);
      if (visible) shown++;
    });
    items.forEach(li => {
      const visible = checks.has(li.dataset.check) && sevs.has(li.dataset.severity)
        && (section === '' || li.dataset.section === section);
      li.classList.toggle('hidden', !visible);
    });
    $('section.chapter').forEach(s => s.classList.toggle('hidden',
      section !== '' && s.dataset.section !== section));
    document.getElementById('shown').textContent = shown;
  }
  $('#filters input, #filters select').forEach(el => el.addEventListener('input', apply));
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
