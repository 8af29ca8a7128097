// The console's shell: login, navigation by the URL's #fragment, and the page modules.
import { api, currentSession, logIn, logOut } from './api.js';
import { learnCurrencies, timeZone } from './format.js';
import { h, show, field, errorNotice } from './ui.js';
import * as payments from './pages/payments.js';
import * as review from './pages/review.js';
import * as batches from './pages/batches.js';
import * as webhooks from './pages/webhooks.js';
import * as reconciliation from './pages/reconciliation.js';
import * as health from './pages/health.js';

const PAGES = [
  { path: 'payments', title: 'Payments', module: payments },
  { path: 'review', title: 'Needs review', module: review, role: 'ADMIN' },
  { path: 'batches', title: 'Payout batches', module: batches, role: 'MERCHANT' },
  { path: 'webhooks', title: 'Webhooks', module: webhooks, role: 'MERCHANT' },
  { path: 'reconciliation', title: 'Reconciliation', module: reconciliation, role: 'MERCHANT' },
  { path: 'health', title: 'Health', module: health },
];

const view = document.getElementById('view');
let session = null;
let leavePage = null;

function pagesOf(role) {
  return PAGES.filter((p) => !p.role || p.role === role);
}

function route() {
  if (leavePage) { leavePage(); leavePage = null; }
  if (!session) { renderLogin(); return; }
  const [path, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const pages = pagesOf(session.role);
  const page = pages.find((p) => p.path === path);
  if (!page) { location.replace(`#/${pages[0].path}`); return; }
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === page.path));
  document.title = `${page.title} · Operator console`;
  const context = { session, params: rest.map(decodeURIComponent), go: (hash) => { location.hash = hash; } };
  Promise.resolve(page.module.render(view, context)).then((leave) => { leavePage = typeof leave === 'function' ? leave : null; })
    .catch((error) => show(view, errorNotice(error)));
}

function renderShell() {
  const top = document.getElementById('top');
  top.hidden = !session;
  if (!session) return;
  show(document.getElementById('nav'), pagesOf(session.role).map((p) =>
    h('a', { href: `#/${p.path}`, dataset: { page: p.path } }, p.title)));
  const who = session.role === 'ADMIN' ? 'Admin · every merchant' : `Merchant · ${session.clientName}`;
  show(document.getElementById('who'), `${who}${session.operator ? ` · ${session.operator}` : ''} · times in ${timeZone()}`);
}

function renderLogin(message) {
  renderShell();
  const key = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', required: true, placeholder: 'sk_...' });
  const operator = h('input', { type: 'text', name: 'operator', maxlength: 100, placeholder: 'e.g. Amina K.' });
  const status = h('div', {});
  const form = h('form', { class: 'login', id: 'login-form' },
    h('h1', {}, 'Operator console'),
    h('p', { class: 'muted' }, 'Paste a merchant API key to work with that merchant\'s payments, or the admin key for the '
      + 'review queue. The key is sent once and exchanged for a session; it is not kept in this browser.'),
    field('API key', key), field('Your name (recorded on what you resolve)', operator),
    h('button', { type: 'submit', class: 'primary' }, 'Log in'), status);
  if (message) status.append(message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      session = await logIn(key.value, operator.value);
      key.value = '';
      await start();
    } catch (error) {
      show(status, errorNotice(error));
    }
  });
  show(view, form);
  key.focus();
}

async function start() {
  renderShell();
  if (session.role === 'MERCHANT') {
    try { learnCurrencies(await api.get('/api/v1/payment-methods')); } catch (e) { /* amounts keep their own decimals */ }
  }
  route();
}

document.getElementById('logout').addEventListener('click', async () => {
  await logOut().catch(() => {});
  // A fresh page: nothing of this session (filters, tokens, data) stays in memory for the next operator.
  location.replace(location.pathname);
});
document.addEventListener('session-ended', () => {
  if (!session) return;
  session = null;
  renderLogin(errorNotice({ message: 'Your session has ended: log in again.' }));
});
window.addEventListener('hashchange', route);

currentSession().then((s) => { session = s; return s ? start() : renderLogin(); })
  .catch((error) => show(view, errorNotice(error)));
