// Payments: search the merchant's payments, open one with its history, webhook deliveries and refunds. With the
// admin key: every merchant's payments (GET /admin/payments), read only.
import { api, query } from '../api.js';
import { money, time, maskPhone, dayStart, shortId } from '../format.js';
import { h, show, badge, table, empty, field, select, errorNotice, notice, confirmAction, dl } from '../ui.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+?[\d\s\-().]{8,20}$/;
const STATUSES = ['', 'PENDING', 'UNKNOWN', 'NEEDS_REVIEW', 'SUCCESSFUL', 'FAILED', 'EXPIRED'];
const filters = { find: '', status: '', provider: '', type: '', from: '', to: '', page: 0 };

export function render(container, { params, go, session }) {
  const admin = session.role === 'ADMIN';
  return params[0] ? renderDetail(container, params[0], go, admin) : renderList(container, go, admin);
}

async function renderList(container, go, admin) {
  const find = h('input', { type: 'search', name: 'find', value: filters.find, placeholder: 'payment id, external id or phone number' });
  const status = select('status', STATUSES.map((s) => [s, s || 'any status']), filters.status);
  const provider = select('provider', [['', 'any provider'], ['MTN_MOMO', 'MTN MoMo'], ['MPESA', 'M-Pesa']], filters.provider);
  const type = select('type', [['', 'any type'], ['COLLECTION', 'Collection'], ['DISBURSEMENT', 'Disbursement'],
    ['REMITTANCE', 'Remittance'], ['REFUND', 'Refund']], filters.type);
  const from = h('input', { type: 'date', name: 'from', value: filters.from });
  const to = h('input', { type: 'date', name: 'to', value: filters.to });
  const results = h('div', { id: 'payment-results' });
  const form = h('form', { class: 'filters', id: 'payment-search' }, field('Find', find), field('Status', status),
    field('Provider', provider), field('Type', type), field('From', from), field('To', to),
    h('button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(filters, { find: find.value.trim(), status: status.value, provider: provider.value, type: type.value,
      from: from.value, to: to.value, page: 0 });
    if (UUID.test(filters.find)) { go(`#/payments/${filters.find}`); return; }
    load(results, go, admin);
  });
  show(container, h('h1', {}, admin ? 'Payments of every merchant' : 'Payments'), form, results);
  await load(results, go, admin);
}

async function load(results, go, admin) {
  const f = filters.find;
  const params = { status: filters.status, provider: filters.provider, type: filters.type,
    from: dayStart(filters.from), to: dayStart(filters.to, 1), page: filters.page, size: 25,
    phoneNumber: f && PHONE.test(f) ? f : '', externalId: f && !PHONE.test(f) ? f : '' };
  try {
    const page = await api.get(`/api/v1/${admin ? 'admin/' : ''}payments${query(params)}`);
    if (page.items.length === 0) {
      show(results, empty('No payments match', filters.find || filters.status || filters.from
        ? 'Widen the search: clear a filter or pick other dates. An id opens the payment directly.'
        : 'Payments appear here as soon as your systems call POST /api/v1/collections, /disbursements or /remittances.'));
      return;
    }
    const pager = h('div', { class: 'pager' },
      h('span', { class: 'muted' }, `${page.total} payment${page.total === 1 ? '' : 's'}`),
      h('button', { type: 'button', disabled: filters.page === 0, onclick: () => { filters.page--; load(results, go, admin); } }, 'Newer'),
      h('button', { type: 'button', disabled: (filters.page + 1) * page.size >= page.total,
        onclick: () => { filters.page++; load(results, go, admin); } }, 'Older'));
    show(results, table([
      { title: 'Created', cell: (p) => time(p.createdAt) },
      { title: 'Status', cell: (p) => badge(p.status) },
      { title: 'Type', cell: (p) => p.type },
      { title: 'Amount', cell: (p) => h('span', { class: 'amount' }, money(p.amount, p.currency)) },
      { title: 'Phone', cell: (p) => maskPhone(p.phoneNumber) },
      { title: 'Provider', cell: (p) => p.provider },
      { title: 'External id', cell: (p) => p.externalId || '—' },
      admin ? { title: 'Merchant', cell: (p) => h('code', {}, shortId(p.clientId)) } : null,
      { title: 'Id', cell: (p) => h('code', {}, shortId(p.id)) },
    ], page.items, (p) => go(`#/payments/${p.id}`)), pager);
  } catch (error) {
    show(results, errorNotice(error));
  }
}

async function renderDetail(container, id, go, admin) {
  let payment;
  try {
    payment = await api.get(`/api/v1/${admin ? 'admin/' : ''}payments/${encodeURIComponent(id)}`);
  } catch (error) {
    show(container, h('a', { href: '#/payments' }, '← Payments'), errorNotice(error));
    return;
  }
  // The admin's answer carries the events; webhook deliveries and refunds are the merchant's own.
  const [events, deliveries] = admin ? [{ events: payment.events }, null] : await Promise.all([
    api.get(`/api/v1/payments/${payment.id}/events`).catch(() => ({ events: [] })),
    api.get(`/api/v1/webhook-deliveries${query({ paymentId: payment.id, size: 50 })}`).catch(() => ({ items: [] })),
  ]);
  const refundArea = h('div', {});
  show(container, h('a', { href: '#/payments' }, '← Payments'),
    h('h1', {}, `${payment.type} `, badge(payment.status), ' ', h('span', { class: 'amount' }, money(payment.amount, payment.currency))),
    dl([
      ['Payment id', h('code', { id: 'payment-id' }, payment.id)],
      ['Merchant', admin ? h('code', {}, payment.clientId) : undefined],
      ['External id', payment.externalId],
      ['Phone number', payment.phoneNumber],
      ['Provider', `${payment.provider} · ${payment.product} · ${payment.country}`],
      ['Provider reference', payment.providerReference],
      ['Provider transaction id', payment.financialTransactionId],
      ['Reason', payment.reason ? `${payment.reason}${payment.providerReason ? ` (${payment.providerReason})` : ''}` : null],
      ['Refunded', payment.type === 'COLLECTION' ? money(payment.refundedAmount, payment.currency) : undefined],
      ['Refund of', payment.originalPaymentId ? h('a', { href: `#/payments/${payment.originalPaymentId}` }, payment.originalPaymentId) : undefined],
      ['Created', time(payment.createdAt)],
      ['Completed', time(payment.completedAt)],
    ]),
    refundArea,
    h('h2', {}, 'Timeline'),
    events.events.length ? h('ol', { class: 'timeline' }, events.events.map((e) => h('li', {},
      h('time', {}, time(e.createdAt)), ' ', h('strong', {}, e.type.replaceAll('_', ' ')), ' ',
      e.toStatus ? badge(e.toStatus) : '', ` from ${e.source || '—'}`,
      e.reason ? ` · ${e.reason}` : '',
      e.details ? h('code', { class: 'details' }, JSON.stringify(e.details)) : '')))
      : empty('No events', 'Every change of this payment is recorded here.'),
    deliveries ? h('h2', {}, 'Webhook deliveries') : '',
    !deliveries ? '' : deliveries.items.length ? table([
      { title: 'Event', cell: (d) => d.type },
      { title: 'Status', cell: (d) => badge(d.status) },
      { title: 'Attempts', cell: (d) => d.attemptCount },
      { title: 'Last answer', cell: (d) => d.lastHttpStatus || d.lastError || '—' },
      { title: 'Created', cell: (d) => time(d.createdAt) },
    ], deliveries.items, (d) => go(`#/webhooks/${d.id}`))
      : empty('No webhook deliveries', 'A delivery is made when the payment ends, if a webhook endpoint is set (Webhooks page).'));
  if (!admin && payment.type === 'COLLECTION' && payment.status === 'SUCCESSFUL') renderRefund(refundArea, payment, go);
}

function renderRefund(area, payment, go) {
  const amount = h('input', { name: 'refundAmount', inputmode: 'decimal', placeholder: 'all that is left' });
  const reason = h('input', { name: 'refundReason', maxlength: 160, placeholder: 'e.g. Damaged item' });
  const status = h('div', {});
  const form = h('form', { class: 'inline', id: 'refund-form' }, h('strong', {}, 'Refund'), field('Amount', amount),
    field('Reason', reason), h('button', { type: 'submit' }, 'Refund…'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const what = amount.value ? money(amount.value, payment.currency) : 'everything not refunded yet';
    if (!await confirmAction(`Refund ${what} to ${maskPhone(payment.phoneNumber)}? Money leaves your account.`, 'Refund')) return;
    try {
      const body = { reason: reason.value || undefined };
      if (amount.value) body.amount = amount.value;
      const refund = await api.post(`/api/v1/payments/${payment.id}/refunds`, body);
      go(`#/payments/${refund.id}`);
    } catch (error) {
      show(status, errorNotice(error));
    }
  });
  area.append(form, notice('info', `Refunded so far: ${money(payment.refundedAmount, payment.currency)}`));
}
