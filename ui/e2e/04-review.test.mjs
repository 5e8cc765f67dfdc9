// (d) Review: alice asks for a public model, rita rejects it with feedback, alice sees the feedback and
// resubmits, rita approves, and the model is on the home page, its detail page and the Xinference download.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, env, eventually, launch, login, newPage, registerViaApi, shot } from './helpers.mjs';

let browser;
let model;
const feedback = 'Please add the licence and a usage example to the README.';

before(async () => {
  model = await registerViaApi('alice', { modelType: 'rerank', visibility: 'PUBLIC' });
  assert.equal(model.status, 'PENDING_REVIEW', 'a plain user\'s public model waits for review');
  await eventually('the model in the catalogue', async () => (await call('GET', `${env.query}/api/catalogue/models/by-name/${model.modelName}`, { tokenOf: 'alice' })).status === 200);
  browser = await launch();
});
after(() => browser?.close());

async function reviewItem(page) {
  await page.goto(env.ui + '/review');
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  const item = page.locator(`.queue-item[data-model-name="${model.modelName}"]`);
  await eventually('the submission in the review queue', async () => {
    if ((await item.count()) > 0) return true;
    await page.reload();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    return false;
  });
  await item.getByRole('button', { name: 'Review' }).click();
  await item.locator('pre.json').waitFor();
  return item;
}

test('rita rejects with required feedback and alice sees it', async () => {
  const rita = await newPage(browser);
  await login(rita, 'rita');
  const item = await reviewItem(rita);
  await item.getByRole('button', { name: 'Reject' }).click();
  await item.getByRole('alert').filter({ hasText: 'feedback is required' }).waitFor();
  await item.getByLabel(/Feedback for the owner/).fill(feedback);
  await shot(rita, 'review-queue');
  await item.getByRole('button', { name: 'Reject' }).click();
  await rita.locator('dialog[open]').getByRole('button', { name: 'Reject' }).click();
  await rita.getByRole('status').filter({ hasText: `${model.modelName} rejected` }).waitFor();

  const alice = await newPage(browser);
  await login(alice, 'alice', `/models/detail/${model.modelName}?tab=review`);
  await alice.locator('.feedback', { hasText: feedback }).waitFor();
  await shot(alice, 'detail-review-feedback');

  // alice fixes the README and resubmits
  await alice.getByRole('tab', { name: 'Settings' }).click();
  await alice.locator('#edit-readme').fill(`# ${model.modelName}\n\nLicence: Apache-2.0\n\n## Usage\n\n\`xinference launch --model-name ${model.modelName}\``);
  await alice.getByRole('button', { name: 'Save README' }).click();
  await alice.locator('dialog[open]').getByRole('button', { name: 'Save README' }).click();
  await alice.getByRole('status').filter({ hasText: 'README saved' }).waitFor();
  await alice.getByRole('tab', { name: 'Review status' }).click();
  await alice.getByRole('button', { name: 'Resubmit for review' }).click();
  await alice.locator('dialog[open]').getByRole('button', { name: 'Submit' }).click();
  await alice.getByRole('status').filter({ hasText: 'Submitted for review' }).waitFor();
  assert.deepEqual(alice.jsErrors, []);
});

test('rita approves the resubmission and the model is published everywhere', async () => {
  const rita = await newPage(browser);
  await login(rita, 'rita');
  const item = await reviewItem(rita);
  await item.locator('.alert-info', { hasText: feedback }).waitFor();
  await item.getByRole('button', { name: 'Approve' }).click();
  await rita.locator('dialog[open]').getByRole('button', { name: 'Approve' }).click();
  await rita.getByRole('status').filter({ hasText: `${model.modelName} approved` }).waitFor();

  await eventually('the approved model in the Xinference download', async () => {
    const r = await call('GET', `${env.query}/api/models/download?model_type=rerank`);
    return r.status === 200 && r.body.some((d) => d.model_name === model.modelName);
  });

  const anonymous = await newPage(browser);
  await anonymous.goto(`${env.ui}/?type=rerank&q=${encodeURIComponent(model.modelName)}`);
  await anonymous.locator(`.model-card[data-model-name="${model.modelName}"]`).waitFor();
  await anonymous.goto(`${env.ui}/models/detail/${model.modelName}?tab=review`);
  await anonymous.locator('.round.decision-approved').waitFor();
  await anonymous.locator('.round.decision-rejected .feedback', { hasText: feedback }).waitFor();
  await shot(anonymous, 'detail-review-approved');
});
