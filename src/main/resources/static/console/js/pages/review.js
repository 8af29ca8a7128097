// Needs review (admin): payments the gateway could not settle by itself, and UNKNOWN ones that are getting old.
// Resolving one is recorded as an event with the operator's name and note.
import { api, query } from '../api.js';
import { money, time, age, maskPhone, shortId } from '../format.js';
import { h, show, badge, table, empty, field, select, errorNotice, confirmAction, notice } from '../ui.js';

const UNKNOWN_OLDER_THAN_MINUTES = 30;

export async function render(container, { session }) {
  const list = h('div', { id: 'review-list' });
  show(container, h('h1', {}, 'Needs review'),
    h('p', { class: 'muted' }, 'Payments in NEEDS_REVIEW wait for you: check with the provider (its portal, the customer), then '
      + `settle them. UNKNOWN payments older than ${UNKNOWN_OLDER_THAN_MINUTES} minutes are shown too: the gateway is still `
      + 'asking the provider and moves them here when it cannot find out.'), list);
  await load(list, session);
}

async function load(list, session) {
  try {
    const page = await api.get(`/api/v1/admin/payments/needs-review${query({ size: 100, unknownOlderThanMinutes: UNKNOWN_OLDER_THAN_MINUTES })}`);
    if (!page.items.length) {
      show(list, empty('Nothing to review', 'Every payment has reached a final state or is still being followed by the gateway. Come back when the Health page shows payments in review.'));
      return;
    }
    show(list, h('p', { class: 'muted' }, `${page.total} payment(s), the longest waiting first`),
      page.items.map((p) => card(p, session, () => load(list, session))));
  } catch (error) {
    show(list, errorNotice(error));
  }
}

function card(payment, session, reload) {
  const facts = h('div', { class: 'card-head' }, badge(payment.status), ' ',
    h('strong', { class: 'amount' }, money(payment.amount, payment.currency)), ` ${payment.type} · ${payment.provider} · `,
    maskPhone(payment.phoneNumber), ` · waiting ${age(payment.createdAt)} (since ${time(payment.createdAt)})`,
    h('div', { class: 'muted' }, 'Payment ', h('a', { href: `#/payments/${payment.id}` }, payment.id), ` · merchant ${shortId(payment.clientId)}`
      + (payment.externalId ? ` · external id ${payment.externalId}` : '')
      + (payment.providerReference ? ` · provider reference ${payment.providerReference}` : '')));
  if (payment.status !== 'NEEDS_REVIEW') {
    return h('section', { class: 'card' }, facts, notice('info', 'Still UNKNOWN: the gateway keeps asking the provider; it can be settled here once it is in review.'));
  }
  const outcome = select('status', [['SUCCESSFUL', 'Money moved: SUCCESSFUL'], ['FAILED', 'Money did not move: FAILED']], 'SUCCESSFUL');
  const note = h('input', { name: 'note', required: true, maxlength: 500, placeholder: 'What you checked, e.g. "MTN portal shows it paid"' });
  const operator = h('input', { name: 'operator', required: true, maxlength: 100, value: session.operator || '' });
  const ftid = h('input', { name: 'financialTransactionId', placeholder: 'provider transaction id (if it moved)' });
  const status = h('div', {});
  const form = h('form', { class: 'inline resolve' }, field('Outcome', outcome), field('Note', note),
    field('Operator', operator), field('Provider transaction id', ftid), h('button', { type: 'submit', class: 'primary' }, 'Resolve…'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!await confirmAction(`Mark ${money(payment.amount, payment.currency)} to ${maskPhone(payment.phoneNumber)} as ${outcome.value}? `
      + 'This is final and the merchant is notified.', 'Resolve')) return;
    try {
      await api.post(`/api/v1/admin/payments/${payment.id}/resolution`, { status: outcome.value, note: note.value,
        operator: operator.value, financialTransactionId: ftid.value || undefined });
      reload();
    } catch (error) { show(status, errorNotice(error)); }
  });
  return h('section', { class: 'card' }, facts, form);
}
