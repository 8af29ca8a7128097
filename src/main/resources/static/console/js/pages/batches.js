// Payout batches: upload a CSV, see its invalid rows before anything is paid, approve, follow the progress,
// pause, resume or cancel, download the result file.
import { api, query } from '../api.js';
import { time, shortId } from '../format.js';
import { h, show, badge, table, empty, field, errorNotice, notice, confirmAction, dl } from '../ui.js';

const FINAL = ['COMPLETED', 'REJECTED', 'CANCELLED'];
// Followed live (polled) while it changes by itself; a batch awaiting approval waits for a person.
const MOVING = ['PROCESSING', 'PAUSED'];
const POLL_MS = 1000;

export function render(container, { params, go }) {
  return params[0] ? renderBatch(container, params[0]) : renderList(container, go);
}

async function renderList(container, go) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const approval = h('input', { type: 'checkbox', name: 'approval', checked: true });
  const status = h('div', {});
  const form = h('form', { class: 'filters', id: 'batch-upload' }, field('Payout file (CSV)', file),
    h('label', { class: 'check' }, approval, ' Hold for approval (check the rows before anything is paid)'),
    h('button', { type: 'submit', class: 'primary' }, 'Upload'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      const batch = await api.post(`/api/v1/disbursement-batches${query({
        approval: approval.checked ? 'required' : 'none', fileName: chosen.name })}`, chosen, 'text/csv');
      go(`#/batches/${batch.id}`);
    } catch (error) {
      show(status, errorNotice(error));
    }
  });
  const list = h('div', {});
  show(container, h('h1', {}, 'Payout batches'), form,
    h('p', { class: 'muted' }, 'Columns: external_id, phone_number, amount, and optionally currency, provider, narration.'),
    list);
  try {
    const page = await api.get('/api/v1/disbursement-batches?size=50');
    show(list, page.items.length ? table([
      { title: 'Uploaded', cell: (b) => time(b.createdAt) },
      { title: 'File', cell: (b) => b.fileName || '—' },
      { title: 'Status', cell: (b) => badge(b.status) },
      { title: 'Rows', cell: (b) => `${b.counts.total} (${b.counts.invalid} invalid)` },
      { title: 'Progress', cell: (b) => progress(b) },
      { title: 'Id', cell: (b) => h('code', {}, shortId(b.id)) },
    ], page.items, (b) => go(`#/batches/${b.id}`))
      : empty('No payout batches yet', 'Upload a CSV file above; every row is checked before anything is paid.'));
  } catch (error) {
    show(list, errorNotice(error));
  }
}

function progress(batch) {
  const percent = Math.max(0, Math.min(100, Number(batch.progressPercent) || 0));
  const bar = h('span', { class: 'bar-fill' });
  bar.style.width = `${percent}%`;
  return h('span', { class: 'bar', role: 'progressbar', 'aria-valuenow': percent, 'aria-valuemin': 0, 'aria-valuemax': 100 },
    bar, h('span', { class: 'bar-text' }, `${percent.toFixed(0)}%`));
}

function renderBatch(container, id) {
  let timer = null;
  let stopped = false;
  const refresh = async () => {
    try {
      const [batch, invalid, rows] = await Promise.all([
        api.get(`/api/v1/disbursement-batches/${encodeURIComponent(id)}`),
        api.get(`/api/v1/disbursement-batches/${encodeURIComponent(id)}/items?status=INVALID&size=100`),
        api.get(`/api/v1/disbursement-batches/${encodeURIComponent(id)}/items?size=100`),
      ]);
      if (stopped) return;
      draw(container, batch, invalid.items, rows.items, refresh);
      if (MOVING.includes(batch.status)) timer = setTimeout(refresh, POLL_MS);
    } catch (error) {
      if (!stopped) show(container, h('a', { href: '#/batches' }, '← Payout batches'), errorNotice(error));
    }
  };
  refresh();
  return () => { stopped = true; clearTimeout(timer); };
}

function draw(container, batch, invalidRows, rows, refresh) {
  const c = batch.counts;
  const actions = h('div', { class: 'actions' });
  const status = h('div', {});
  const act = (label, path, question, primary) => h('button', { type: 'button', class: primary ? 'primary' : '', id: `batch-${path}`,
    onclick: async () => {
      if (!await confirmAction(question, label)) return;
      try { await api.post(`/api/v1/disbursement-batches/${batch.id}/${path}`); refresh(); } catch (error) { show(status, errorNotice(error)); }
    } }, label);
  if (batch.status === 'AWAITING_APPROVAL') {
    actions.append(act('Approve', 'approve', `Pay the ${c.queued} valid row(s) of ${batch.fileName || 'this file'} now?`
      + (c.invalid ? ` The ${c.invalid} invalid row(s) are not paid.` : ''), true));
  }
  if (batch.status === 'PROCESSING') {
    actions.append(act('Pause', 'pause', 'Pause the batch? No row is sent until you resume it; rows already sent finish.'));
  }
  if (batch.status === 'PAUSED') {
    actions.append(act('Resume', 'resume', 'Resume the batch? Its waiting rows are sent again now.', true));
  }
  if (!FINAL.includes(batch.status)) {
    actions.append(act('Cancel', 'cancel', 'Cancel the batch? Rows not sent yet are skipped; sent ones finish.'));
  }
  actions.append(h('a', { class: 'button', href: `/api/v1/disbursement-batches/${batch.id}/result.csv`, download: `${batch.fileName || 'batch'}.result.csv` }, 'Download result file'));
  show(container, h('a', { href: '#/batches' }, '← Payout batches'),
    h('h1', {}, `Batch ${batch.fileName || shortId(batch.id)} `, h('span', { id: 'batch-status' }, badge(batch.status))),
    progress(batch),
    dl([
      ['Rows', `${c.total}: ${c.successful} successful, ${c.failed} failed, ${c.in_progress} in progress, `
        + `${c.queued} queued, ${c.invalid} invalid, ${c.refused} refused, ${c.skipped} skipped`],
      ['Why', batch.statusReason || undefined],
      ['Paused until', batch.pausedUntil ? time(batch.pausedUntil) : undefined],
      ['Uploaded', time(batch.createdAt)],
      ['Approved', time(batch.approvedAt)],
      ['Completed', time(batch.completedAt)],
      ['Batch id', h('code', {}, batch.id)],
    ]),
    actions, status,
    batch.status === 'PAUSED' ? notice('warn', 'Paused: a provider could not be reached. The batch resumes by itself.') : '',
    h('h2', {}, 'Invalid rows (never paid)'),
    invalidRows.length ? table([
      { title: 'Row', cell: (r) => r.row },
      { title: 'External id', cell: (r) => r.externalId || '—' },
      { title: 'Error', cell: (r) => badge(r.errorCode) },
      { title: 'Why', cell: (r) => r.errorMessage },
    ], invalidRows) : h('p', { class: 'muted', id: 'no-invalid-rows' }, 'Every row is valid.'),
    h('h2', {}, 'Rows'),
    table([
      { title: 'Row', cell: (r) => r.row },
      { title: 'External id', cell: (r) => r.externalId || '—' },
      { title: 'Row status', cell: (r) => badge(r.status) },
      { title: 'Payment', cell: (r) => r.paymentId ? h('a', { href: `#/payments/${r.paymentId}` }, shortId(r.paymentId)) : '—' },
      { title: 'Payment status', cell: (r) => r.paymentStatus ? badge(r.paymentStatus) : '—' },
      { title: 'Reason', cell: (r) => r.paymentReason || r.errorCode || '—' },
    ], rows));
}
