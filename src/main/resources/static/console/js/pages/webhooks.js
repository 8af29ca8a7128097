// Webhooks: where payment events go, the signing secret's rotation, every delivery with its attempts, replay.
import { api, query } from '../api.js';
import { time, shortId } from '../format.js';
import { h, show, badge, table, empty, field, select, errorNotice, notice, confirmAction, dl } from '../ui.js';

const filters = { status: '', page: 0 };

export function render(container, { params, go }) {
  return params[0] ? renderDelivery(container, params[0], go) : renderOverview(container, go);
}

async function renderOverview(container, go) {
  const endpointArea = h('section', { id: 'webhook-endpoint' });
  const deliveriesArea = h('section', {});
  show(container, h('h1', {}, 'Webhooks'), endpointArea, h('h2', {}, 'Deliveries'), deliveriesArea);
  await Promise.all([drawEndpoint(endpointArea), drawDeliveries(deliveriesArea, go)]);
}

async function drawEndpoint(area) {
  let endpoint = null;
  try {
    endpoint = await api.get('/api/v1/webhook-endpoint');
  } catch (error) {
    if (error.code !== 'WEBHOOK_ENDPOINT_NOT_FOUND') { show(area, errorNotice(error)); return; }
  }
  const url = h('input', { type: 'url', name: 'url', required: true, value: endpoint ? endpoint.url : '', placeholder: 'https://shop.example.com/webhooks/momo' });
  const status = h('div', {});
  const form = h('form', { class: 'inline', id: 'endpoint-form' }, field('Endpoint URL', url),
    h('button', { type: 'submit', class: 'primary' }, endpoint ? 'Change URL' : 'Set endpoint'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const saved = await api.put('/api/v1/webhook-endpoint', { url: url.value });
      await drawEndpoint(area);
      if (saved.secret) area.append(secretNotice(saved.secret));
    } catch (error) { show(status, errorNotice(error)); }
  });
  const rotate = h('button', { type: 'button', id: 'rotate-secret', onclick: async () => {
    if (!await confirmAction('Make a new signing secret? The previous one keeps signing for a day, so you can switch over.', 'Rotate')) return;
    try {
      const rotated = await api.post('/api/v1/webhook-endpoint/rotate-secret');
      await drawEndpoint(area);
      area.append(secretNotice(rotated.secret));
    } catch (error) { show(status, errorNotice(error)); }
  } }, 'Rotate secret…');
  const stop = h('button', { type: 'button', onclick: async () => {
    if (!await confirmAction('Stop sending webhooks to this endpoint?', 'Stop webhooks')) return;
    try { await api.del('/api/v1/webhook-endpoint'); await drawEndpoint(area); } catch (error) { show(status, errorNotice(error)); }
  } }, 'Stop webhooks…');
  show(area, form, endpoint ? [dl([
    ['Signing secret', endpoint.secretHint],
    ['Rotated', time(endpoint.secretRotatedAt)],
    ['Previous secret signs until', endpoint.previousSecretExpiresAt ? time(endpoint.previousSecretExpiresAt) : undefined],
    ['Since', time(endpoint.createdAt)],
  ]), h('div', { class: 'actions' }, rotate, stop)]
    : empty('No webhook endpoint', 'Set the URL of your system above: every payment that ends is sent there, signed.'));
}

function secretNotice(secret) {
  return notice('warn', `New signing secret, shown only now: ${secret} — store it in your system before you leave this page.`);
}

async function drawDeliveries(area, go) {
  const status = select('status', [['', 'any status'], ['PENDING', 'Pending'], ['DELIVERED', 'Delivered'], ['FAILED', 'Failed']], filters.status);
  status.addEventListener('change', () => { filters.status = status.value; filters.page = 0; drawDeliveries(area, go); });
  const list = h('div', { id: 'delivery-list' });
  show(area, h('div', { class: 'filters' }, field('Status', status)), list);
  try {
    const page = await api.get(`/api/v1/webhook-deliveries${query({ status: filters.status, page: filters.page, size: 25 })}`);
    show(list, page.items.length ? [table([
      { title: 'Created', cell: (d) => time(d.createdAt) },
      { title: 'Event', cell: (d) => d.type },
      { title: 'Status', cell: (d) => badge(d.status) },
      { title: 'Attempts', cell: (d) => d.attemptCount },
      { title: 'Last answer', cell: (d) => d.lastHttpStatus || d.lastError || '—' },
      { title: 'Payment', cell: (d) => h('code', {}, shortId(d.paymentId)) },
      { title: '', cell: (d) => replayButton(d, () => drawDeliveries(area, go)) },
    ], page.items, (d) => go(`#/webhooks/${d.id}`)),
    h('div', { class: 'pager' }, h('span', { class: 'muted' }, `${page.total} deliveries`),
      h('button', { type: 'button', disabled: filters.page === 0, onclick: () => { filters.page--; drawDeliveries(area, go); } }, 'Newer'),
      h('button', { type: 'button', disabled: (filters.page + 1) * page.size >= page.total, onclick: () => { filters.page++; drawDeliveries(area, go); } }, 'Older'))]
      : empty('No deliveries', filters.status ? 'None with this status: pick another.'
        : 'A delivery is made each time one of your payments ends, once a webhook endpoint is set.'));
  } catch (error) {
    show(list, errorNotice(error));
  }
}

function replayButton(delivery, after) {
  return h('button', { type: 'button', class: 'replay', dataset: { delivery: delivery.id }, onclick: async (event) => {
    event.stopPropagation();
    try {
      await api.post(`/api/v1/webhook-deliveries/${delivery.id}/replay`);
      after();
    } catch (error) { event.target.replaceWith(errorNotice(error)); }
  } }, 'Replay');
}

async function renderDelivery(container, id, go) {
  let d;
  try {
    d = await api.get(`/api/v1/webhook-deliveries/${encodeURIComponent(id)}`);
  } catch (error) {
    show(container, h('a', { href: '#/webhooks' }, '← Webhooks'), errorNotice(error));
    return;
  }
  show(container, h('a', { href: '#/webhooks' }, '← Webhooks'),
    h('h1', {}, `Delivery ${d.type} `, badge(d.status)),
    dl([
      ['Delivery (event) id', h('code', {}, d.id)],
      ['Payment', h('a', { href: `#/payments/${d.paymentId}` }, d.paymentId)],
      ['Attempts', d.attemptCount],
      ['Replays', d.replays],
      ['Next attempt', d.status === 'PENDING' ? time(d.nextAttemptAt) : undefined],
      ['Delivered', time(d.deliveredAt)],
    ]),
    h('div', { class: 'actions' }, replayButton(d, () => renderDelivery(container, id, go))),
    h('h2', {}, 'Attempts'),
    d.attempts && d.attempts.length ? table([
      { title: '#', cell: (a) => a.number },
      { title: 'When', cell: (a) => time(a.attemptedAt) },
      { title: 'URL', cell: (a) => a.url },
      { title: 'Answer', cell: (a) => a.httpStatus ? badge(a.httpStatus >= 200 && a.httpStatus < 300 ? 'DELIVERED' : 'FAILED') : badge('FAILED') },
      { title: 'HTTP', cell: (a) => a.httpStatus || '—' },
      { title: 'Error', cell: (a) => a.error || '—' },
      { title: 'Took', cell: (a) => `${a.durationMs} ms` },
    ], d.attempts) : empty('No attempt yet', 'The delivery worker sends it within seconds.'),
    h('h2', {}, 'Event sent'),
    h('pre', { class: 'json' }, JSON.stringify(d.event, null, 2)));
}
