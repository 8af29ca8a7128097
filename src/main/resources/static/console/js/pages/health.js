// Health: what the gateway's own endpoints say now. Every source is optional: what is not there (a metric not
// measured by this version, the management endpoints closed outside the sandbox) is said, not hidden.
import { api } from '../api.js';
import { h, show, badge, table, empty, notice, dl } from '../ui.js';

const REFRESH_MS = 5000;
// Metrics shown with a name an operator knows; any other gateway.* metric is listed below them.
const KNOWN = [
  ['gateway.payments.needs.review', 'Payments in review'],
  ['gateway.circuit.state', 'Circuit breaker state (per provider product)'],
  ['gateway.provider.token.age', 'Provider token age'],
  ['gateway.poller.lag', 'Poller lag'],
  ['gateway.webhooks.backlog', 'Webhook outbox backlog'],
  ['gateway.outbox.backlog', 'Outbox backlog'],
  ['gateway.webhooks.attempts', 'Webhook attempts'],
];

export function render(container, { session }) {
  let timer = null;
  let stopped = false;
  const refresh = async () => {
    const [live, metrics, routes] = await Promise.all([health(), gatewayMetrics(), session.role === 'ADMIN' ? adminRoutes() : null]);
    if (stopped) return;
    show(container, h('h1', {}, 'Health'), h('p', { class: 'muted' }, `Refreshed every ${REFRESH_MS / 1000} s.`),
      h('h2', {}, 'Gateway'), live,
      h('h2', {}, 'Measurements'), metrics,
      h('h2', {}, 'Routes and last errors'), routes || notice('info', 'Routes and their errors are shown to the admin key.'));
    timer = setTimeout(refresh, REFRESH_MS);
  };
  refresh();
  return () => { stopped = true; clearTimeout(timer); };
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  return response.json();
}

async function health() {
  try {
    const [overall, readiness] = await Promise.all([getJson('/actuator/health'),
      getJson('/actuator/health/readiness').catch((e) => ({ status: e.status === 503 ? 'DOWN' : 'unknown' }))]);
    const parts = Object.entries(overall.components || {}).map(([name, c]) => [name, badge(c.status)]);
    return dl([['Overall', badge(overall.status)], ['Ready for traffic', badge(readiness.status)], ...parts]);
  } catch (error) {
    return notice('error', `The health endpoint does not answer (${error.message}).`);
  }
}

async function gatewayMetrics() {
  let names;
  try {
    names = (await getJson('/actuator/metrics')).names.filter((n) => n.startsWith('gateway.'));
  } catch (error) {
    return notice('info', error.status === 401 || error.status === 403
      ? 'The metrics need the admin key outside the sandbox: read them on the management port or in Prometheus.'
      : `The metrics endpoint does not answer (${error.message}).`);
  }
  const order = [...KNOWN.map(([n]) => n).filter((n) => names.includes(n)), ...names.filter((n) => !KNOWN.some(([k]) => k === n))];
  const rows = await Promise.all(order.map(async (name) => {
    try {
      const metric = await getJson(`/actuator/metrics/${encodeURIComponent(name)}`);
      const value = (metric.measurements || []).map((m) => `${m.statistic.toLowerCase()} ${Number(m.value).toLocaleString()}`).join(', ');
      const tags = (metric.availableTags || []).map((t) => `${t.tag}: ${t.values.join(', ')}`).join('; ');
      return { name, label: (KNOWN.find(([k]) => k === name) || [null, name])[1], value, tags, unit: metric.baseUnit || '' };
    } catch (e) {
      return { name, label: name, value: 'unreadable', tags: '', unit: '' };
    }
  }));
  const missing = KNOWN.filter(([n]) => !names.includes(n)).map(([, label]) => label);
  return h('div', {}, rows.length ? table([
    { title: 'What', cell: (r) => r.label },
    { title: 'Now', cell: (r) => `${r.value} ${r.unit}` },
    { title: 'Per', cell: (r) => r.tags || '—' },
  ], rows) : empty('No gateway measurements yet', 'They appear as the gateway works: send a payment.'),
  missing.length ? h('p', { class: 'muted' }, `Not measured by this gateway version: ${missing.join(', ')}.`) : '');
}

async function adminRoutes() {
  try {
    const answer = await api.get('/api/v1/admin/routes');
    const routes = answer.routes || [];
    const failing = routes.filter((r) => Number(r.failed || 0) > 0);
    return h('div', {}, failing.length ? table([
      { title: 'Route', cell: (r) => r.id },
      { title: 'What it does', cell: (r) => r.description || '—' },
      { title: 'Failed / all exchanges', cell: (r) => `${r.failed} / ${r.exchanges}` },
      { title: 'Source', cell: (r) => r.source || '—' },
    ], failing) : notice('info', `No route has failed: ${routes.length} routes running.`),
    (answer.skippedFiles || []).length ? notice('error', `Route files skipped at start-up: ${JSON.stringify(answer.skippedFiles)}`) : '');
  } catch (error) {
    return notice('error', `The routes could not be read: ${error.message}`);
  }
}
