// Small DOM helpers: every value goes in as text (never as HTML), so nothing the API returns can run as script.

/** h('div', {class: 'x', onclick}, child, 'text', ...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  });
  append(element, children);
  return element;
}

function append(element, children) {
  children.flat(Infinity).forEach((child) => {
    if (child === undefined || child === null || child === false) return;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
}

const STATUS_TONES = {
  SUCCESSFUL: 'good', DELIVERED: 'good', COMPLETED: 'good', MATCHED: 'good', RESOLVED: 'good', CLOSED: 'good', UP: 'good',
  PENDING: 'wait', VALID: 'wait', PROCESSING: 'wait', RUNNING: 'wait', QUEUED: 'wait', IN_PROGRESS: 'wait', HALF_OPEN: 'wait',
  UNKNOWN: 'warn', NEEDS_REVIEW: 'warn', AWAITING_APPROVAL: 'warn', PAUSED: 'warn', OPEN: 'bad', UNVERIFIED: 'warn',
  FAILED: 'bad', EXPIRED: 'bad', REJECTED: 'bad', INVALID: 'bad', REFUSED: 'bad', MISMATCHED: 'bad', DOWN: 'bad',
  CANCELLED: 'muted', SKIPPED: 'muted', UNCHECKED: 'muted',
};

export function badge(status) {
  const text = status || '—';
  return h('span', { class: `badge ${STATUS_TONES[String(text).toUpperCase()] || 'muted'}` }, text.replaceAll('_', ' '));
}

/** A table of rows; columns: [{title, cell: row => node|text}]; onRow makes rows clickable. */
export function table(allColumns, rows, onRow) {
  const columns = allColumns.filter(Boolean);
  return h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c.title)))),
    h('tbody', {}, rows.map((row) => h('tr', onRow ? { class: 'clickable', onclick: () => onRow(row) } : {},
      columns.map((c) => h('td', {}, c.cell(row)))))));
}

/** What to show instead of an empty table: what it means and what to do. */
export function empty(title, whatToDo) {
  return h('div', { class: 'empty' }, h('strong', {}, title), h('p', {}, whatToDo));
}

export function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

export function select(name, options, value) {
  return h('select', { name }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

export function notice(kind, text) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** An API error as the operator should read it: the gateway's message and its code. */
export function errorNotice(error) {
  return notice('error', error.code ? `${error.message} (${error.code})` : error.message);
}

/** Asks before anything irreversible; resolves true when the operator confirms. */
export function confirmAction(text, confirmLabel = 'Confirm') {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = confirmLabel;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}

export function dl(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
}

/** Replaces the content of a container. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}
