// Shared helpers of the browser tests: environment, tokens, Chromium, Keycloak login, screenshots.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = join(here, '..', 'e2e-artifacts');
export const PASSWORD = 'hub-demo-pass';

function need(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the browser tests run against the whole hub; start them with ./hub test`);
  }
  return value.replace(/\/+$/, '');
}

export const env = {
  get ui() { return need('HUB_E2E_UI_URL'); },
  get command() { return need('HUB_E2E_COMMAND_URL'); },
  get query() { return need('HUB_E2E_QUERY_URL'); },
  get keycloak() { return need('HUB_E2E_KEYCLOAK_URL'); },
};

/** A real access token for a demo user (password grant of the CLI client). */
export async function token(username) {
  const response = await fetch(`${env.keycloak}/realms/models-hub/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'models-hub-cli', username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`token for ${username}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** Calls an API; answers {status, body, headers}. */
export async function call(method, url, { tokenOf, body, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (tokenOf) h.Authorization = `Bearer ${await token(tokenOf)}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export function fixture(type) {
  const file = join(here, '..', '..', 'devstack', 'src', 'main', 'resources', 'fixtures', 'xinference', 'v1.13.0', `${type}.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function uniqueName(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** A valid definition of the given type under a fresh name, from the real v1.13.0 fixture. */
export function definitionNamed(type, name) {
  const d = fixture(type);
  d.model_name = name;
  delete d.updated_at;
  return d;
}

/** Registers through the command-side API as the user; fails the test unless 201. */
export async function registerViaApi(user, { modelType = 'llm', visibility = 'PRIVATE', name, readme } = {}) {
  const modelName = name ?? uniqueName(`e2e-${modelType}`);
  const result = await call('POST', `${env.command}/api/registry/models`, {
    tokenOf: user,
    headers: { 'Idempotency-Key': `e2e-${modelName}` },
    body: { modelType, visibility, definition: definitionNamed(modelType, modelName), readme: readme ?? `# ${modelName}\n\nRegistered by the browser tests.` },
  });
  if (result.status !== 201) throw new Error(`register ${modelName}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  return { ...result.body, modelName };
}

/** Polls until check() answers a truthy value (projections are asynchronous). */
export async function eventually(what, check, { timeout = 20000, interval = 300 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.HUB_E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.jsErrors = errors;
  return page;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (from npm) in the page and fails on any violation, WCAG 2.1 A/AA and best practices; the page is
 * ours only (Keycloak's pages are checked where they are visited but are not ours to fix, so they are skipped).
 */
export async function checkAccessibility(page, name) {
  if (!page.url().startsWith(env.ui)) return;
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.axe.json`), JSON.stringify(result.violations, null, 2));
  assert.deepEqual(violations, [], `axe-core violations on ${name} (${page.url()})`);
}

/** Keeps a screenshot of the page and checks it with axe-core: every page the tests visit passes both ways. */
export async function shot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  if (process.env.HUB_E2E_AXE !== 'off') await checkAccessibility(page, name);
}

/** Logs in through Keycloak's real login page, starting from the UI's "Log in" button. */
export async function login(page, username, path = '/') {
  await page.goto(env.ui + path);
  await page.getByRole('button', { name: 'Log in' }).first().click();
  await page.waitForURL((url) => url.href.startsWith(env.keycloak));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(env.ui) && !url.search.includes('code='));
  await page.locator('.avatar-menu summary', { hasText: username }).waitFor();
}

export async function logout(page) {
  await page.locator('.avatar-menu summary').click();
  // the app forgets the session at once, then goes through Keycloak's logout back to its home page: wait for that
  // new page to load, so the next navigation does not race the redirect
  await Promise.all([page.waitForEvent('load'), page.getByRole('menuitem', { name: 'Logout' }).click()]);
  assert.ok(page.url().startsWith(env.ui), `back in the UI after logout, not at ${page.url()}`);
  await page.getByRole('button', { name: 'Log in' }).first().waitFor();
}
