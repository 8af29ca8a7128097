// Reconciliation: runs with their counts, the payments where we and the provider disagree, the report, a new run.
import { api, query } from '../api.js';
import { money, time, shortId } from '../format.js';
import { h, show, badge, table, empty, field, select, errorNotice, dl } from '../ui.js';

const RESULTS = ['matched', 'resolved', 'open', 'mismatched', 'unverified', 'unchecked'];

export function render(container, { params, go }) {
  return params[0] ? renderRun(container, params[0], go) : renderRuns(container, go);
}

function isoDay(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

async function renderRuns(container, go) {
  const yesterday = new Date(Date.now() - 86400000);
  const from = h('input', { type: 'date', name: 'from', required: true, value: isoDay(yesterday) });
  const to = h('input', { type: 'date', name: 'to', required: true, value: isoDay(new Date()) });
  const provider = select('provider', [['', 'every provider'], ['MTN_MOMO', 'MTN MoMo'], ['MPESA', 'M-Pesa']], '');
  const status = h('div', {});
  const form = h('form', { class: 'filters', id: 'start-run' }, field('From', from), field('To (included)', to),
    field('Provider', provider), h('button', { type: 'submit', class: 'primary' }, 'Start a run'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const run = await api.post('/api/v1/reconciliation-runs', { from: from.value, to: to.value, provider: provider.value || undefined });
      go(`#/reconciliation/${run.id}`);
    } catch (error) { show(status, errorNotice(error)); }
  });
  const list = h('div', {});
  show(container, h('h1', {}, 'Reconciliation'),
    h('p', { class: 'muted' }, 'A run asks the providers how each payment of the period ended and compares it with ours (at most 31 days).'),
    form, list);
  try {
    const page = await api.get('/api/v1/reconciliation-runs?size=50');
    show(list, page.items.length ? table([
      { title: 'Started', cell: (r) => time(r.createdAt) },
      { title: 'Period', cell: (r) => `${time(r.from)} – ${time(r.to)}` },
      { title: 'Provider', cell: (r) => r.provider || 'all' },
      { title: 'Status', cell: (r) => badge(r.status) },
      { title: 'Payments', cell: (r) => r.counts.total },
      { title: 'Mismatched', cell: (r) => r.counts.mismatched ? badge(`${r.counts.mismatched} MISMATCHED`) : '0' },
      { title: 'Origin', cell: (r) => r.origin },
    ], page.items, (r) => go(`#/reconciliation/${r.id}`))
      : empty('No reconciliation runs yet', 'Start one above for a period; the daily job also runs one each night.'));
  } catch (error) { show(list, errorNotice(error)); }
}

function renderRun(container, id, go) {
  let timer = null;
  let stopped = false;
  let result = 'MISMATCHED';
  const refresh = async () => {
    try {
      const run = await api.get(`/api/v1/reconciliation-runs/${encodeURIComponent(id)}`);
      const items = await api.get(`/api/v1/reconciliation-runs/${run.id}/items${query({ result, size: 200 })}`);
      if (stopped) return;
      const pick = select('result', [['', 'every payment'], ...RESULTS.filter((r) => r !== 'unchecked').map((r) => [r.toUpperCase(), r])], result);
      pick.addEventListener('change', () => { result = pick.value; clearTimeout(timer); refresh(); });
      show(container, h('a', { href: '#/reconciliation' }, '← Reconciliation'),
        h('h1', {}, 'Run ', badge(run.status)),
        dl([
          ['Period', `${time(run.from)} – ${time(run.to)}`],
          ['Provider', run.provider || 'all'],
          ['Started', time(run.createdAt)],
          ['Completed', time(run.completedAt)],
          ['Run id', h('code', {}, run.id)],
        ]),
        h('div', { class: 'counts' }, h('span', {}, `total ${run.counts.total}`),
          RESULTS.map((r) => h('span', {}, badge(r.toUpperCase()), ` ${run.counts[r] ?? 0}`))),
        h('div', { class: 'actions' }, h('a', { class: 'button', href: run.reportUrl, download: `reconciliation-${shortId(run.id)}.csv` }, 'Download report (CSV)')),
        h('div', { class: 'filters' }, field('Show', pick)),
        items.items.length ? table([
          { title: 'Payment', cell: (i) => h('a', { href: `#/payments/${i.paymentId}` }, shortId(i.paymentId)) },
          { title: 'Type', cell: (i) => i.type },
          { title: 'Amount', cell: (i) => money(i.amount, i.currency) },
          { title: 'Ours before → after', cell: (i) => [badge(i.statusBefore), ' → ', badge(i.statusAfter)] },
          { title: 'Provider says', cell: (i) => i.providerStatus ? badge(i.providerStatus) : '—' },
          { title: 'Result', cell: (i) => badge(i.result) },
          { title: 'Note', cell: (i) => i.note || '—' },
        ], items.items) : empty(result ? `No ${result.toLowerCase()} payments` : 'No payments in this run',
          result === 'MISMATCHED' ? 'Good: we and the providers agree on every payment checked so far.' : 'Pick another result above.'));
      if (run.status === 'RUNNING') timer = setTimeout(refresh, 1500);
    } catch (error) {
      if (!stopped) show(container, h('a', { href: '#/reconciliation' }, '← Reconciliation'), errorNotice(error));
    }
  };
  refresh();
  return () => { stopped = true; clearTimeout(timer); };
}
