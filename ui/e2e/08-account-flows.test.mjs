// Accounts through Keycloak's real pages (issue 6): a new user signs up from the UI's "Sign up", confirms the address
// by the link mailed to the mail catcher, lands logged in, logs out; then "Forgot password" on the login page, the
// mailed reset link, a new password, logging in with it, and single logout (a protected page asks for login again).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { env, eventually, launch, newPage, shot, uniqueName } from './helpers.mjs';

const mailApi = () => {
  const value = process.env.HUB_E2E_MAIL_API_URL;
  if (!value) throw new Error('HUB_E2E_MAIL_API_URL is not set: the browser tests run against the whole hub; start them with ./hub test');
  return value.replace(/\/+$/, '');
};

/** Decodes a quoted-printable body (soft line breaks, =XX bytes as UTF-8). */
export function decodeQuotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The mails of an address in the catcher, as raw MIME text (oldest first). */
async function inbox(email) {
  const response = await fetch(`${mailApi()}/api/user/${encodeURIComponent(email)}/messages/INBOX`, { headers: { Accept: 'application/json' } });
  if (response.status === 404 || response.status === 400) return []; // GreenMail: "User ... not found" before the first mail
  if (!response.ok) throw new Error(`mail catcher: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).map((m) => ({ subject: m.subject ?? '', raw: m.mimeMessage ?? m.content ?? JSON.stringify(m) }));
}

/** Waits for the count-th mail of the address whose decoded text holds a Keycloak action link; answers the link. */
async function mailedLink(email, count, pathPart) {
  return eventually(
    `mail #${count} to ${email} with a ${pathPart} link`,
    async () => {
      const mails = await inbox(email);
      if (mails.length < count) return null;
      const text = decodeQuotedPrintable(mails[count - 1].raw).replace(/&amp;/g, '&');
      const links = text.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
      return links.find((l) => l.startsWith(env.keycloak) && l.includes(pathPart)) ?? null;
    },
    { timeout: 30000, interval: 500 },
  );
}

async function loggedInAs(page, username) {
  await page.waitForURL((url) => url.href.startsWith(env.ui) && !url.search.includes('code='));
  await page.locator('.avatar-menu summary', { hasText: username }).waitFor();
}

async function logout(page) {
  await page.locator('.avatar-menu summary').click();
  await Promise.all([page.waitForEvent('load'), page.getByRole('menuitem', { name: 'Logout' }).click()]);
  await page.getByRole('button', { name: 'Log in' }).first().waitFor();
  assert.ok(page.url().startsWith(env.ui), `back in the UI after logout, not at ${page.url()}`);
}

/** After a logout, a protected page offers login again, and logging in asks Keycloak for the password (no SSO left). */
async function assertLoggedOutEverywhere(page) {
  await page.goto(`${env.ui}/me`);
  await page.getByRole('button', { name: 'Log in' }).first().click();
  await page.waitForURL((url) => url.href.startsWith(env.keycloak));
  await page.locator('#password').waitFor();
  await page.goto(`${env.ui}/`);
  await page.getByRole('button', { name: 'Log in' }).first().waitFor();
}

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

test('a new user signs up, confirms the mailed link, logs out, resets the password by mail and logs in with it', async () => {
  const username = uniqueName('newbie').toLowerCase();
  const email = `${username}@example.test`;
  const firstPassword = `First-${Math.random().toString(36).slice(2)}-pass`;
  const secondPassword = `Second-${Math.random().toString(36).slice(2)}-pass`;
  assert.deepEqual(await inbox(email), [], 'a fresh address has no mail');

  const page = await newPage(browser);
  await page.goto(env.ui + '/');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL((url) => url.href.startsWith(env.keycloak));
  await page.locator('#email').waitFor();
  await shot(page, 'account-keycloak-registration');
  if (await page.locator('#username').count()) await page.locator('#username').fill(username);
  await page.locator('#email').fill(email);
  await page.locator('#firstName').fill('New');
  await page.locator('#lastName').fill('Person');
  await page.locator('#password').fill(firstPassword);
  await page.locator('#password-confirm').fill(firstPassword);
  await page.locator('input[type=submit], button[type=submit]').first().click();

  // verifyEmail=true: Keycloak holds the login until the address is confirmed, and mails a link
  await page.getByText(/verify your email/i).first().waitFor();
  await shot(page, 'account-verify-email');
  const verifyLink = await mailedLink(email, 1, 'action-token');
  await page.goto(verifyLink);
  // the same browser session continues its login: back in the app, signed in
  await loggedInAs(page, username);
  await page.goto(`${env.ui}/me`);
  await page.getByText(email).first().waitFor();
  await shot(page, 'account-registered-user-center');
  await logout(page);
  await assertLoggedOutEverywhere(page);

  // forgot password: from the login page, reset by the mailed link
  await page.goto(env.ui + '/');
  await page.getByRole('button', { name: 'Log in' }).first().click();
  await page.waitForURL((url) => url.href.startsWith(env.keycloak));
  await page.getByRole('link', { name: /forgot password/i }).click();
  await page.locator('#username').fill(email);
  await page.locator('input[type=submit], button[type=submit]').first().click();
  await page.getByText(/you should receive an email/i).first().waitFor();
  const resetLink = await mailedLink(email, 2, 'action-token');
  await page.goto(resetLink);
  await page.locator('#password-new').waitFor();
  await shot(page, 'account-update-password');
  await page.locator('#password-new').fill(secondPassword);
  await page.locator('#password-confirm').fill(secondPassword);
  await page.locator('input[type=submit], button[type=submit]').first().click();
  // Keycloak may answer with its own "account updated" page or go straight back to the app; either way, end signed in
  const back = await page
    .waitForURL((url) => url.href.startsWith(env.ui), { timeout: 15000 })
    .then(() => true, () => false);
  if (back) {
    await loggedInAs(page, username);
    await logout(page);
  }

  // the old password no longer works, the new one does
  await page.goto(env.ui + '/');
  await page.getByRole('button', { name: 'Log in' }).first().click();
  await page.waitForURL((url) => url.href.startsWith(env.keycloak));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(firstPassword);
  await page.locator('#kc-login').click();
  await page.getByText(/invalid username or password/i).first().waitFor();
  await page.locator('#password').fill(secondPassword);
  if (await page.locator('#username').isVisible()) await page.locator('#username').fill(username);
  await page.locator('#kc-login').click();
  await loggedInAs(page, username);
  await shot(page, 'account-new-password-logged-in');
  await logout(page);
  await assertLoggedOutEverywhere(page);
  assert.deepEqual(page.jsErrors, []);
});
