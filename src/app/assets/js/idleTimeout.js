/** @module The idle timeout, seen from the page: warns before the session ends, lets the person stay signed in, renews the session while they type, and keeps what they were typing when it does end. */
// Without JavaScript the server covers the last part: a form sent after the timeout is kept as a draft.

/** Activity renews the session on the server at most this often. */
const RENEW_AT_MOST_EVERY_MS = 60_000;
const ACTIVITY_EVENTS = ['keydown', 'input', 'pointerdown', 'wheel', 'touchstart'];
/**
 * Fields never sent in a draft: secrets, files and buttons. Hidden fields are sent (all but the CSRF token):
 * they carry the version a form was started from, which a kept draft must keep (platform/forms/versions.ts).
 */
const SKIPPED_TYPES = new Set(['password', 'file', 'submit', 'button', 'reset', 'image']);

/**
 * Time left in words, as people say it.
 * @example timeInWords(299) // '5 minutes'
 * @param {number} seconds
 * @returns {string}
 */
export function timeInWords(seconds) {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/**
 * The forms whose fields are kept when the session ends: every POST form not marked `data-idle-no-draft`.
 * @param {Document} doc
 * @returns {HTMLFormElement[]}
 */
export function draftForms(doc) {
  return Array.from(doc.forms).filter((form) => form.method.toLowerCase() === 'post' && !form.hasAttribute('data-idle-no-draft'));
}

/**
 * The fields of the page's POST forms, as a draft: text only, no passwords or files,
 * and nothing left empty. Forms marked `data-idle-no-draft` (sign out) are left out.
 * @example collectFields(document) // { username: 'sam', role: 'practitioner' }
 * @param {Document} doc
 * @returns {Record<string, string | string[]>}
 */
export function collectFields(doc) {
  /** @type {Record<string, string | string[]>} */
  const fields = {};
  const add = (name, value) => {
    if (value === '') return;
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  for (const form of draftForms(doc)) {
    for (const element of Array.from(form.elements)) {
      if (!('name' in element) || !element.name || element.disabled || element.name === '_csrf') continue;
      const type = (element.type || '').toLowerCase();
      if (SKIPPED_TYPES.has(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !element.checked) continue;
      if (type === 'select-multiple') {
        for (const option of Array.from(element.selectedOptions)) add(element.name, option.value);
        continue;
      }
      if (typeof element.value === 'string') add(element.name, element.value);
    }
  }
  return fields;
}

/**
 * Start the idle timeout for a signed-in page (one whose <body> carries data-idle-timeout-seconds).
 * @example startIdleTimeout() // from cairn.js
 * @param {Document} [doc]
 * @returns {{ stop(): void } | undefined}
 */
export function startIdleTimeout(doc = document) {
  const win = doc.defaultView;
  const timeoutSeconds = Number(doc.body.dataset.idleTimeoutSeconds);
  const warningSeconds = Number(doc.body.dataset.idleWarningSeconds);
  const banner = doc.querySelector('[data-idle-warning]');
  if (!win || !(timeoutSeconds > 0) || !banner) return undefined;
  const countdown = banner.querySelector('[data-idle-countdown]');
  const announcement = banner.querySelector('[data-idle-announcement]');
  const stayButton = banner.querySelector('[data-idle-stay]');
  // The promise to keep what is typed is made only on a page with a form whose fields are kept.
  const promise = banner.querySelector('[data-idle-promise]');
  if (promise) promise.hidden = draftForms(doc).length === 0;

  /** When the server will end the session unless it hears from this page (or another tab). */
  let deadline = Date.now() + timeoutSeconds * 1000;
  let lastRenewal = Date.now();
  let renewing = false;
  let ended = false;
  let warningShown = false;
  let lastAnnounced = '';
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let ticker;
  /** @type {Element | null} */
  let focusBeforeWarning = null;

  const secondsLeft = () => Math.max(0, Math.ceil((deadline - Date.now()) / 1000));

  function csrfToken() {
    const meta = doc.querySelector('meta[name="csrf-token"]');
    const input = doc.querySelector('input[name="_csrf"]');
    return meta?.getAttribute('content') || (input && 'value' in input ? String(input.value) : '');
  }

  /** A same-origin JSON call; redirects are not followed (a redirect means "signed out"). */
  function call(method, url, body) {
    return win.fetch(url, {
      method,
      credentials: 'same-origin',
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(method === 'POST' ? { 'csrf-token': csrfToken() } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  const signedOut = (response) => response.status === 401 || response.type === 'opaqueredirect';

  function schedule() {
    clearTimeout(timer);
    if (ended) return;
    const now = Date.now();
    if (now >= deadline) {
      void end();
      return;
    }
    const untilWarning = deadline - warningSeconds * 1000 - now;
    if (untilWarning <= 0) {
      if (!warningShown) void checkThenWarn();
      timer = setTimeout(schedule, Math.min(deadline - now, 1000));
    } else {
      timer = setTimeout(schedule, Math.min(untilWarning, 2 ** 31 - 1));
    }
  }

  /** Another tab may have kept the session alive: ask the server before warning. */
  async function checkThenWarn() {
    warningShown = true;
    try {
      const response = await call('GET', '/session/status');
      if (signedOut(response)) return void end();
      if (response.ok) {
        const status = await response.json();
        deadline = Date.now() + status.secondsLeft * 1000;
        // Renewed elsewhere (another tab) by more than clock jitter: not yet time to warn.
        if (status.secondsLeft > warningSeconds + 2) {
          warningShown = false;
          return schedule();
        }
      }
    } catch {
      // Offline or the server is unreachable: warn on the page's own reckoning.
    }
    showWarning();
  }

  function showWarning() {
    warningShown = true;
    focusBeforeWarning = doc.activeElement;
    lastAnnounced = '';
    tick();
    banner.hidden = false;
    banner.focus();
    clearInterval(ticker);
    ticker = setInterval(tick, 1000);
  }

  function hideWarning() {
    if (!warningShown) return;
    warningShown = false;
    clearInterval(ticker);
    banner.hidden = true;
    if (announcement) announcement.textContent = '';
    if (focusBeforeWarning instanceof win.HTMLElement && doc.contains(focusBeforeWarning)) focusBeforeWarning.focus();
    focusBeforeWarning = null;
  }

  /** Every second for the eye; for screen readers only when the minute changes, and at 20 seconds. */
  function tick() {
    const left = secondsLeft();
    const words = timeInWords(left);
    if (countdown) countdown.textContent = `You will be signed out in ${words}.`;
    const spoken = left > 60 ? words : left > 20 ? timeInWords(60) : left > 0 ? timeInWords(20) : '';
    if (announcement && spoken && spoken !== lastAnnounced) {
      announcement.textContent = `You will be signed out in ${spoken}.`;
      lastAnnounced = spoken;
    }
    if (left <= 0) void end();
  }

  async function renew() {
    if (renewing || ended) return;
    if (Date.now() >= deadline) return void end();
    renewing = true;
    try {
      const response = await call('POST', '/session/keep-alive');
      if (signedOut(response)) return void end();
      if (response.ok) {
        const status = await response.json();
        lastRenewal = Date.now();
        deadline = lastRenewal + status.secondsLeft * 1000;
        hideWarning();
        schedule();
      }
    } catch {
      // Try again at the next activity; the warning still stands if it was showing.
    } finally {
      renewing = false;
    }
  }

  function onActivity(event) {
    // While the warning shows, only "Stay signed in" counts: a key pressed to read the warning must not dismiss it.
    if (warningShown || ended || banner.contains(event.target)) return;
    if (Date.now() - lastRenewal >= RENEW_AT_MOST_EVERY_MS) void renew();
  }

  /** Keep the draft and end the session, then go to sign in; if the draft cannot be kept, stay on the page. */
  async function end() {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    clearInterval(ticker);
    const path = win.location.pathname + win.location.search;
    try {
      const response = await call('POST', '/session/draft', { path, fields: collectFields(doc) });
      if (response.ok || signedOut(response)) {
        win.location.assign('/sign-in');
        return;
      }
    } catch {
      // Fall through: leave the page as it is so nothing is lost.
    }
    banner.hidden = false;
    if (countdown) countdown.textContent = 'You have been signed out. What you typed is still on this page: copy anything you need before you leave it, then sign in again.';
    if (announcement) announcement.textContent = 'You have been signed out.';
    if (stayButton) stayButton.hidden = true;
    banner.focus();
  }

  function onVisible() {
    if (doc.visibilityState === 'visible') schedule();
  }

  stayButton?.addEventListener('click', () => void renew());
  for (const type of ACTIVITY_EVENTS) doc.addEventListener(type, onActivity, { capture: true, passive: true });
  doc.addEventListener('visibilitychange', onVisible);
  schedule();

  return {
    stop() {
      ended = true;
      clearTimeout(timer);
      clearInterval(ticker);
      for (const type of ACTIVITY_EVENTS) doc.removeEventListener(type, onActivity, { capture: true });
      doc.removeEventListener('visibilitychange', onVisible);
    },
  };
}
