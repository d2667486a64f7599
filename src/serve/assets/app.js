// medtra review: the pages, built from the JSON API with DOM nodes and textContent only (model
// text is never parsed as HTML).
'use strict';

const state = { session: null, report: null, revision: -1, recorded: null, renders: 0 };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options) {
  const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
  if (init.body !== undefined) {
    init.method = init.method || 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.headers['X-CSRF-Token'] = state.session ? state.session.csrf : '';
    init.body = JSON.stringify(init.body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let data = null;
  try { data = JSON.parse(text); } catch (e) { data = text; }
  if (!response.ok) {
    const error = new Error(data && data.error ? data.error : 'HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return data;
}

function can(role) {
  const order = ['viewer', 'editor', 'approver'];
  return state.session && !state.session.anonymous &&
         order.indexOf(state.session.role) >= order.indexOf(role);
}

function table(headers, rows, options) {
  const body = el('tbody');
  const head = el('tr');
  let sortColumn = -1;
  let ascending = true;
  const fill = () => {
    body.replaceChildren(...rows.map(r => el('tr', {}, r.map(c => el('td', {}, c)))));
  };
  headers.forEach((h, i) => {
    const th = el('th', { class: 'sortable', tabindex: '0', scope: 'col' }, h);
    const sort = () => {
      ascending = sortColumn === i ? !ascending : true;
      sortColumn = i;
      const key = r => (r[i] instanceof Node ? r[i].textContent : String(r[i] ?? ''));
      rows.sort((a, b) => key(a).localeCompare(key(b), undefined, { numeric: true }) *
                          (ascending ? 1 : -1));
      fill();
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', e => { if (e.key === 'Enter') sort(); });
    head.append(th);
  });
  fill();
  return el('table', options || {}, el('thead', {}, head), body);
}

function link(hash, text) { return el('a', { href: hash }, text); }

function levelClass(name) {
  const method = state.report.risk_method;
  const level = method.levels.find(l => l.name === name);
  if (!level) return '';
  if (!level.acceptable) return 'level-bad';
  return level.requires_justification ? 'level-mid' : 'level-ok';
}

function matrix(title, risks, pick) {
  const method = state.report.risk_method;
  const rows = [el('tr', {}, el('th', {}, 'likelihood \\ impact'),
                   method.impact.map(i => el('th', { scope: 'col' }, i)))];
  method.likelihood.slice().reverse().forEach(l => {
    const li = method.likelihood.indexOf(l);
    rows.push(el('tr', {}, el('th', { scope: 'row' }, l), method.impact.map((im, ii) => {
      const ids = risks.filter(r => { const p = pick(r); return p.likelihood === l && p.impact === im; })
                       .map(r => r.id);
      return el('td', { class: levelClass(method.matrix[li][ii]), title: method.matrix[li][ii] },
                ids.length ? ids.join(', ') : '');
    })));
  });
  return el('div', {}, el('h3', {}, title), el('table', { class: 'matrix' }, el('tbody', {}, rows)));
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[item[key]] = (counts[item[key]] || 0) + 1;
  return counts;
}

function dashboard() {
  const r = state.report;
  const statuses = countBy(r.threats, 'status');
  const unacceptable = r.risks.filter(x => !x.residual.acceptable);
  const unassessed = r.threats.filter(t => t.status === 'open' && !t.risk);
  return el('section', { id: 'dashboard' },
    el('h2', {}, 'Dashboard'),
    el('p', {}, 'Report ', el('code', {}, r.report_id), ' of ', r.system.name, ' ', r.system.version),
    el('div', { class: 'cards' },
      el('div', { class: 'card' }, el('div', { class: 'n' }, r.threats.length), 'threats'),
      Object.keys(statuses).sort().map(s =>
        el('div', { class: 'card', 'data-status': s }, el('div', { class: 'n' }, statuses[s]), s)),
      el('div', { class: 'card' }, el('div', { class: 'n' }, r.risks.length), 'risks'),
      el('div', { class: 'card', id: 'verdict' },
         el('div', { class: 'n' }, unacceptable.length), 'risks not acceptable')),
    el('div', { class: 'cards' },
      matrix('Before measures', r.risks, x => x),
      matrix('After measures', r.risks, x => x.residual)),
    el('h3', {}, 'What blocks acceptance'),
    unacceptable.length === 0 && unassessed.length === 0
      ? el('p', { id: 'no-blockers' }, 'Nothing: every residual risk is acceptable and every open threat is assessed.')
      : el('ul', { id: 'blockers' },
          unacceptable.map(x => el('li', {}, link('#risks', 'risk ' + x.id), ': ',
                                   (x.residual.blocked_by || []).map(b => b.message || b.id).join('; ') ||
                                   (x.residual.because || []).join('; '))),
          unassessed.map(t => el('li', {}, link('#threat/' + encodeURIComponent(t.id), t.id),
                                 ': open and not assessed'))));
}

function risks() {
  const rows = state.report.risks.map(x => [x.id, x.asset_name, x.breach, x.level, x.residual.level,
    x.residual.acceptable ? 'acceptable' : 'NOT acceptable', (x.residual.because || []).join('; ')]);
  return el('section', {}, el('h2', {}, 'Risks'),
    table(['id', 'asset', 'breach', 'level', 'residual', 'verdict', 'because'], rows, { id: 'risk-table' }));
}

function threats(onlyFlow) {
  const statusFilter = el('select', { id: 'status-filter', 'aria-label': 'status' },
    el('option', { value: '' }, 'any status'),
    [...new Set(state.report.threats.map(t => t.status))].sort().map(s => el('option', { value: s }, s)));
  const textFilter = el('input', { id: 'text-filter', type: 'search', placeholder: 'filter', 'aria-label': 'filter' });
  const groupBy = el('select', { id: 'group-by', 'aria-label': 'group by' },
    el('option', { value: '' }, 'no grouping'), el('option', { value: 'stride' }, 'by STRIDE'),
    el('option', { value: 'status' }, 'by status'), el('option', { value: 'targets' }, 'by element'),
    el('option', { value: 'rule' }, 'by rule'));
  const holder = el('div');
  const render = () => {
    const q = textFilter.value.toLowerCase();
    const selected = state.report.threats
      .filter(t => !onlyFlow || t.targets.includes(onlyFlow))
      .filter(t => !statusFilter.value || t.status === statusFilter.value)
      .filter(t => !q || (t.id + ' ' + t.title).toLowerCase().includes(q));
    const rowsOf = list => list.map(t => [link('#threat/' + encodeURIComponent(t.id), t.id), t.title,
      t.stride.join(', '), t.likelihood, el('span', { class: 'status-' + t.status }, t.status),
      t.risk || '']);
    const headers = ['id', 'title', 'STRIDE', 'likelihood', 'status', 'risk'];
    if (!groupBy.value) {
      holder.replaceChildren(table(headers, rowsOf(selected), { id: 'threat-table' }));
      return;
    }
    const groups = new Map();
    for (const t of selected) {
      const keys = [].concat(t[groupBy.value]);
      for (const key of keys.length ? keys : ['-']) {
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(t);
      }
    }
    holder.replaceChildren(...[...groups.keys()].sort().map(key =>
      el('div', { class: 'group' }, el('h3', {}, key + ' (' + groups.get(key).length + ')'),
         table(headers, rowsOf(groups.get(key))))));
  };
  statusFilter.addEventListener('change', render);
  textFilter.addEventListener('input', render);
  groupBy.addEventListener('change', render);
  render();
  return el('section', {}, el('h2', {}, onlyFlow ? 'Threats on ' + onlyFlow : 'Threats'),
            el('div', { class: 'filters' }, textFilter, statusFilter, groupBy), holder);
}

async function threat(id) {
  const data = await api('/api/threats/' + encodeURIComponent(id));
  const x = data.explanation;
  const section = el('section', { id: 'threat' }, el('h2', {}, x.id), el('p', {}, x.title),
    el('dl', {},
      el('dt', {}, 'rule'), el('dd', {}, x.rule),
      el('dt', {}, 'STRIDE'), el('dd', {}, x.stride.join(', ')),
      el('dt', {}, 'derived at'), el('dd', {}, x.location.file + ':' + x.location.line),
      el('dt', {}, 'fired on'), el('dd', {}, el('ul', {}, x.evidence.map(e =>
        el('li', {}, e.element + '.' + e.attribute + ' = ' + e.value)))),
      el('dt', {}, 'reasoning'), el('dd', {}, el('ul', {}, x.notes.map(n => el('li', {}, n)))),
      el('dt', {}, 'status'), el('dd', { id: 'threat-status' }, x.status),
      el('dt', {}, 'assessment'), el('dd', {}, x.assessment),
      el('dt', {}, 'rationale'), el('dd', { id: 'threat-rationale' }, x.rationale || '-')));
  if (data.decision) {
    section.append(el('p', { id: 'stored-decision' }, 'Decided ' + data.decision.status + ' by ' +
                      data.decision.actor + ' at ' + data.decision.time));
  }
  if (data.decided_elsewhere) {
    section.append(el('p', {}, 'Decided in the model file ' + data.decided_elsewhere + '; change it there.'));
  } else if (can('editor')) {
    section.append(decisionForm(x, data.decision));
  }
  return section;
}

function decisionForm(x, current) {
  const measures = state.report.measures.map(m => m.id);
  const status = el('select', { id: 'decision-status', name: 'status' },
    ['accepted', 'transferred', 'not-applicable', 'mitigated'].map(s => el('option', { value: s }, s)));
  if (current) status.value = current.status;
  const justification = el('textarea', { id: 'decision-justification', name: 'justification' });
  justification.value = current ? current.justification : '';
  const measureBox = el('select', { id: 'decision-measures', multiple: 'multiple', name: 'measures' },
    measures.map(m => el('option', { value: m }, m)));
  // "Recorded." stays on the re-rendered view until the user leaves it.
  const message = el('p', { id: 'decision-message', role: 'status' },
                     state.recorded === x.id ? 'Recorded.' : '');
  const form = el('form', { class: 'decision', id: 'decision-form' },
    el('h3', {}, 'Decision'),
    el('label', {}, 'Status ', status),
    el('label', {}, 'Justification ', justification),
    el('label', {}, 'Measures (for mitigated) ', measureBox),
    el('button', { type: 'submit', id: 'decision-submit' }, 'Record decision'), message);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api('/api/decisions', { body: { threat: x.id, status: status.value,
        justification: justification.value,
        measures: [...measureBox.selectedOptions].map(o => o.value) } });
      message.className = '';
      message.textContent = 'Recorded.';
      state.recorded = x.id;
      await refresh(true);
    } catch (err) {
      message.className = 'error';
      message.textContent = err.message;
    }
  });
  return form;
}

function sanitizeSvg(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return el('p', {}, 'no diagram');
  for (const bad of svg.querySelectorAll('script, foreignObject, iframe, object, embed')) bad.remove();
  for (const node of [svg, ...svg.querySelectorAll('*')]) {
    for (const attr of [...node.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'xlink:href') && !attr.value.startsWith('#'))) {
        node.removeAttribute(attr.name);
      }
    }
  }
  return document.importNode(svg, true);
}

async function dfd() {
  const holder = el('div', { id: 'dfd-view' });
  const below = el('div', { id: 'flow-threats' });
  const response = await fetch('/api/dfd.svg', { credentials: 'same-origin' });
  if (!response.ok) return el('section', {}, el('h2', {}, 'Data flows'), el('p', {}, 'No diagram.'));
  const svg = sanitizeSvg(await response.text());
  holder.append(svg);
  let scale = 1;
  const zoom = f => { scale *= f; svg.style.transform = 'scale(' + scale + ')'; svg.style.transformOrigin = '0 0'; };
  for (const edge of svg.querySelectorAll('g.edge')) {
    const id = (edge.getAttribute('id') || '').replace(/^flow-/, '');
    edge.setAttribute('tabindex', '0');
    const show = () => below.replaceChildren(threats(id));
    edge.addEventListener('click', show);
    edge.addEventListener('keydown', e => { if (e.key === 'Enter') show(); });
  }
  return el('section', {}, el('h2', {}, 'Data flows'),
    el('p', {}, el('button', { onclick: () => zoom(1.25) }, 'Zoom in'), ' ',
       el('button', { onclick: () => zoom(0.8) }, 'Zoom out'), ' Click a flow to see its threats. ',
       link('#paths', 'The attack paths on this diagram')),
    holder, below);
}

// One drawing of the attack paths as an image: an SVG in <img> is a document of its own that runs
// no script and loads nothing, so the model text in it can only be text. When there is nothing to
// draw, the server's reason.
async function drawing(path, id, title, legend) {
  const response = await fetch(path, { credentials: 'same-origin' });
  const text = await response.text();
  if (!response.ok) {
    let reason = 'HTTP ' + response.status;
    try { reason = JSON.parse(text).error || reason; } catch (e) { /* not JSON */ }
    return el('div', {}, el('h3', {}, title),
              el('p', { id: id + '-none', class: 'no-drawing' }, 'Not drawn: ' + reason + '.'));
  }
  const image = el('img', { id, alt: title,
                            src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text) });
  // Graphviz sizes the drawing in points; half as large again reads well (never wider than the page).
  image.addEventListener('load', () => { image.style.width = Math.round(image.naturalWidth * 1.5) + 'px'; });
  return el('div', {}, el('h3', {}, title),
            el('figure', { class: 'drawing' }, image, el('figcaption', { class: 'legend' }, legend)));
}

async function attackPaths() {
  const p = state.report.paths;
  const counts = p
    ? el('p', { id: 'path-counts' }, 'Paths to the essential functions before measures: ',
         el('strong', {}, p.path_count), '; after measures: ',
         el('strong', {}, p.after_measures.path_count), '.')
    : null;
  const [paths, reach] = await Promise.all([
    drawing('/api/paths.svg', 'paths-figure', 'The most likely attack paths before measures',
      'The design is grey. A pink ellipse is an entry point, with a red dashed arrow to where the ' +
      'attacker first gets in. Red flows and components lie on the paths (the thicker, the more ' +
      'paths); a light red flow only passes an attack on from one component to the next; yellow ' +
      'components perform the essential functions reached; "cut:" names the design change of the ' +
      'minimal cut there; a dashed element loses its step to the measures.'),
    drawing('/api/reach.svg', 'reach-figure', 'Multi-patient harm view',
      'Each component with many instances is purple and bold, with the entry points that reach ' +
      'its control; the patient-serving components that one compromised instance reaches are ' +
      'yellow, and one shortest way to each of them is purple.')]);
  return el('section', { id: 'paths' }, el('h2', {}, 'Attack paths on the data-flow diagram'),
    counts, paths, reach,
    el('p', {}, 'The same drawings as ', el('code', {}, 'medtra paths MODEL --format dfd-dot'),
       ' and ', el('code', {}, '--format reach-dot'), '; ', link('#dfd', 'back to the data flows'), '.'));
}

function trace() {
  const rows = (state.report.trace.matrix || []).map(m => [m.risk, m.risk_level, m.measure,
    m.requirement, (m.design || []).join(', '), (m.controls || []).join('; '),
    (m.verifications || []).map(v => v.ref + ' ' + v.status).join('; ')]);
  return el('section', {}, el('h2', {}, 'Traceability'),
    table(['risk', 'level', 'measure', 'requirement', 'design', 'controls', 'verification'], rows));
}

async function sdl() {
  const data = await api('/api/sdl');
  const coverage = data.coverage || {};
  const groups = Object.keys(coverage).filter(k => Array.isArray(coverage[k]));
  const row = c => [c.id, c.title, c.total, c.done, c.in_progress, c.planned, c.not_applicable,
                    c.percent + '%'];
  const headers = ['id', 'title', 'total', 'done', 'in progress', 'planned', 'n/a', 'done %'];
  return el('section', { id: 'sdl' }, el('h2', {}, 'Secure development life cycle'),
    coverage.total ? el('p', { id: 'sdl-total' }, coverage.total.percent + '% of ' +
                        coverage.total.total + ' activities done') : null,
    groups.map(g => el('div', {}, el('h3', {}, g.replace(/_/g, ' ')),
                       table(headers, coverage[g].map(row)))),
    el('h3', {}, 'Gaps'),
    table(['activity', 'severity', 'message', 'where'],
          (data.gaps || []).map(g => [g.activity, g.severity, g.message,
                                      (g.file || '') + (g.line ? ':' + g.line : '')]),
          { id: 'sdl-gaps' }),
    el('h3', {}, 'Activities'),
    table(['id', 'standard', 'clause', 'title', 'status', 'owner'],
          (data.activities || []).map(a => [a.id, a.standard, a.clause, a.title, a.status,
                                            a.owner || '']),
          { id: 'sdl-activities' }));
}

function findings() {
  const where = f => {
    const text = (f.file || '') + (f.line ? ':' + f.line : '');
    if (!f.file) return text;
    return el('a', { href: '#source/' + encodeURIComponent(f.file) + '/' + (f.line || 1),
                     class: 'source-link' }, text);
  };
  const rows = state.report.findings.map(f => [f.severity, f.code, f.message, where(f)]);
  return el('section', {}, el('h2', {}, 'Findings'),
    table(['severity', 'code', 'message', 'where'], rows, { id: 'finding-table' }));
}

// A file a finding points at, numbered, with its line marked ("source/PATH/LINE").
async function source(rest) {
  const slash = rest.lastIndexOf('/');
  const file = rest.slice(0, slash);
  const line = Number(rest.slice(slash + 1)) || 1;
  const response = await fetch('/api/source?path=' + encodeURIComponent(file),
                               { credentials: 'same-origin' });
  if (!response.ok) throw new Error(file + ': ' + (await response.json()).error);
  const lines = (await response.text()).split('\n');
  const rows = lines.map((text, i) => el('tr', { id: 'L' + (i + 1),
                                                class: i + 1 === line ? 'marked' : '' },
    el('td', { class: 'line-number' }, String(i + 1)), el('td', {}, el('code', {}, text))));
  const view = el('section', { id: 'source-view' }, el('h2', {}, file + ':' + line),
                  el('p', {}, el('a', { href: '#findings' }, 'Back to the findings')),
                  el('table', { class: 'source' }, el('tbody', {}, rows)));
  setTimeout(() => document.getElementById('L' + line)?.scrollIntoView({ block: 'center' }), 0);
  return view;
}

async function sign() {
  const approvals = await api('/api/approvals');
  const section = el('section', {}, el('h2', {}, 'Electronic signatures'),
    table(['#', 'signer', 'printed name', 'time (UTC)', 'meaning', 'report'],
          approvals.map(a => [a.id, a.signer, a.printed_name, a.time, a.meaning, a.report_id]),
          { id: 'approval-table' }));
  if (!can('approver')) return section;
  const name = el('input', { id: 'sign-name', required: 'required', autocomplete: 'name' });
  const meaning = el('select', { id: 'sign-meaning' },
    ['review', 'approval', 'responsibility'].map(m => el('option', { value: m }, m)));
  const password = el('input', { id: 'sign-password', type: 'password', required: 'required',
                                 autocomplete: 'current-password' });
  const message = el('p', { id: 'sign-message', role: 'status' });
  // The signature is bound to the report shown here; if the model is re-analysed meanwhile the
  // server refuses it (409) and the signer reopens the page.
  const shown = state.report.report_id;
  const form = el('form', { class: 'sign', id: 'sign-form' },
    el('h3', {}, 'Sign report ' + shown),
    el('label', {}, 'Printed name ', name), el('label', {}, 'Meaning ', meaning),
    el('label', {}, 'Password (asked again for the signature) ', password),
    el('button', { type: 'submit', id: 'sign-submit' }, 'Sign'), message);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api('/api/approvals', { body: { printed_name: name.value, meaning: meaning.value,
        password: password.value, report_id: shown } });
      show();
    } catch (err) {
      message.className = 'error';
      message.textContent = err.message;
    }
  });
  section.append(form);
  return section;
}

async function audit() {
  const data = await api('/api/audit');
  return el('section', {}, el('h2', {}, 'Audit trail'),
    el('p', { id: 'audit-verified' }, 'Hash chain: ' + data.verified),
    table(['#', 'time (UTC)', 'actor', 'action', 'before', 'after', 'hash'],
          data.entries.map(e => [e.seq, e.time, e.actor, e.action, JSON.stringify(e.before),
                                 JSON.stringify(e.after), e.hash.slice(0, 16)]),
          { id: 'audit-table' }));
}

async function show() {
  const main = document.getElementById('main');
  const hash = decodeURIComponent(location.hash.slice(1)) || 'dashboard';
  if (hash !== 'threat/' + state.recorded) state.recorded = null;
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('active', a.getAttribute('href') === '#' + hash.split('/')[0]);
  }
  if (!state.report) return;
  // Views load asynchronously: only the newest call of show() may draw, so a slow view that was
  // asked for first never replaces the one asked for last.
  const token = ++state.renders;
  try {
    let view;
    if (hash.startsWith('threat/')) view = await threat(hash.slice(7));
    else if (hash.startsWith('source/')) view = await source(hash.slice(7));
    else if (hash === 'risks') view = risks();
    else if (hash === 'threats') view = threats();
    else if (hash === 'dfd') view = await dfd();
    else if (hash === 'paths') view = await attackPaths();
    else if (hash === 'trace') view = trace();
    else if (hash === 'sdl') view = await sdl();
    else if (hash === 'findings') view = findings();
    else if (hash === 'sign') view = await sign();
    else if (hash === 'audit') view = await audit();
    else view = dashboard();
    if (token === state.renders) main.replaceChildren(view);
  } catch (err) {
    if (token === state.renders) main.replaceChildren(el('p', { class: 'error' }, err.message));
  }
}

async function refresh(force) {
  const rev = await api('/api/revision');
  if (rev.error) {
    document.getElementById('main').replaceChildren(el('h2', {}, 'The model does not load'),
                                                    el('pre', { class: 'error' }, rev.error));
    state.revision = rev.revision;
    state.report = null;
    return;
  }
  if (!force && rev.revision === state.revision) return;
  const first = state.revision < 0;
  const broken = state.report === null;
  state.report = await api('/api/report');
  state.revision = rev.revision;
  document.getElementById('system').textContent = state.report.system.name;
  if (!first) {
    const banner = document.getElementById('changed');
    const again = el('button', { id: 'changed-show', type: 'button' }, 'Show it');
    again.addEventListener('click', () => show());
    banner.replaceChildren('Re-analysed (revision ' + rev.revision + ') at ' +
                           new Date().toLocaleTimeString() + '. ', again);
    banner.hidden = false;
  }
  // A re-analysis in the background does not redraw the view under the user's hands (a form
  // being filled in, a flow clicked on the diagram): the banner offers it, and any navigation
  // shows the new analysis. A request of the user's own (force) redraws at once.
  if (force || first || broken) await show();
}

function showAccount() {
  const box = document.getElementById('account');
  const s = state.session;
  const logout = el('button', { id: 'logout' }, 'Log out');
  logout.addEventListener('click', async () => {
    await api('/api/logout', { body: {} }).catch(() => {});
    location.reload();
  });
  box.replaceChildren(s.anonymous ? 'read-only (no accounts)' : s.user + ' (' + s.role + ')',
                      s.anonymous ? '' : logout);
}

async function start() {
  try {
    state.session = await api('/api/session');
  } catch (err) {
    if (err.status !== 401) throw err;
    const login = document.getElementById('login');
    login.hidden = false;
    document.getElementById('login-user').focus();
    document.getElementById('login-form').addEventListener('submit', async e => {
      e.preventDefault();
      try {
        state.session = await api('/api/login', { body: {
          user: document.getElementById('login-user').value,
          password: document.getElementById('login-password').value } });
        login.hidden = true;
        await begin();
      } catch (loginError) {
        document.getElementById('login-error').textContent = loginError.message;
      }
    });
    return;
  }
  await begin();
}

async function begin() {
  showAccount();
  window.addEventListener('hashchange', show);
  await refresh(true);
  setInterval(() => refresh(false).catch(() => {}), 1000);
}

start();
