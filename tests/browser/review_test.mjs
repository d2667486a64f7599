// Browser test of `medtra serve` in Debian's Chromium through playwright-core: log in, record a
// decision (it reaches decisions.yaml and `medtra analyze`), see the attack paths on the diagram,
// sign, see the live update after a model edit, and check the layout of each page (elements
// present and visible, not pixels).
// Usage: node review_test.mjs MEDTRA_BIN SOURCE_DIR SCREENSHOT_DIR. Exit 77: skipped.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [medtra, source, shots] = process.argv.slice(2);
const chromiumPath = '/usr/bin/chromium';

function skip(reason) {
  console.log('SKIP: ' + reason);
  process.exit(77);
}

if (!fs.existsSync(chromiumPath)) skip(chromiumPath + ' is missing (Debian package chromium)');
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  skip('playwright-core is not installed: run `make browser-deps` (npm ci in tests/browser)');
}

function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medtra-browser-'));
const model = path.join(dir, 'icd');
fs.cpSync(path.join(source, 'examples', 'icd'), model, { recursive: true });
for (const [name, role] of [['ed', 'editor'], ['qm', 'approver']]) {
  const r = spawnSync(medtra, ['users', 'add', name, '--role', role, '--store', model],
                      { input: name + '-password\n' });
  check(r.status === 0, 'users add ' + name + ': ' + r.stderr);
}

const server = spawn(medtra, ['serve', model, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let text = '';
  const timer = setTimeout(() => reject(new Error('serve did not start: ' + text)), 30000);
  server.stderr.on('data', chunk => {
    text += chunk;
    const m = text.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) { clearTimeout(timer); resolve('http://127.0.0.1:' + m[1] + '/'); }
  });
  server.on('exit', code => reject(new Error('serve exited ' + code + ': ' + text)));
});

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  // Generous: CI runs this beside the other tests on two cores. A timeout says what the page showed.
  const visible = async (selector, what) => {
    try {
      await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30000 });
    } catch (e) {
      const main = await page.evaluate(() => document.getElementById('main')?.innerText ?? '');
      throw new Error(what + ' (' + selector + ') not visible at ' + page.url() + '; page errors: ' +
                      JSON.stringify(errors) + '; the page showed: ' + main.slice(0, 600));
    }
  };
  const shot = name => page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });
  const logIn = async (name, navigate = true) => {
    if (navigate) await page.goto(base);
    await visible('#login-form', 'the login form');
    await page.fill('#login-user', name);
    await page.fill('#login-password', name + '-password');
    await page.click('#login-submit');
    await visible('#logout', 'the account and its log-out button');
  };

  await logIn('ed');
  await visible('#dashboard', 'the dashboard');
  await visible('#verdict', 'the verdict card');
  await visible('table.matrix', 'the risk matrices');
  check(await page.locator('table.matrix').count() === 2, 'two risk matrices');
  await shot('dashboard');

  await page.goto(base + '#threats');
  await visible('#threat-table', 'the threat table');
  await page.fill('#text-filter', 'jamming');
  check(await page.locator('#threat-table tbody tr').count() === 1, 'the filter keeps one threat');
  await page.fill('#text-filter', '');
  await page.selectOption('#group-by', 'stride');
  await visible('div.group h3', 'the threat groups');
  await shot('threats');

  const threat = 'comm-jamming@F-telemetry';
  const justification = '<script>window.pwned = 1</script> jamming needs presence in the room';
  await page.goto(base + '#threat/' + encodeURIComponent(threat));
  await visible('#decision-form', 'the decision form');
  await page.selectOption('#decision-status', 'accepted');
  await page.fill('#decision-justification', justification);
  await page.click('#decision-submit');
  await page.locator('#decision-message', { hasText: 'Recorded.' }).waitFor({ timeout: 15000 });
  await visible('#stored-decision', 'the stored decision');
  check((await page.textContent('#threat-rationale')) === justification,
        'the justification is shown as text');
  check(await page.evaluate(() => window.pwned === undefined), 'no script ran from the text');
  await shot('threat');

  const yaml = fs.readFileSync(path.join(model, 'decisions.yaml'), 'utf8');
  check(yaml.includes('threat: "' + threat + '"'), 'decisions.yaml has the decision');
  const analyze = spawnSync(medtra, ['analyze', model, '--format', 'json', '-o', '-'],
                            { maxBuffer: 1 << 28 });
  check(analyze.status === 0, 'analyze runs');
  const report = JSON.parse(analyze.stdout);
  check(report.threats.find(t => t.id === threat).status === 'accepted',
        'analyze reports the decision');

  await page.goto(base + '#dfd');
  await visible('#dfd-view svg', 'the data-flow diagram');
  await page.locator('#dfd-view g.edge').first().click();
  await visible('#flow-threats table', 'the threats of a clicked flow');
  await shot('dfd');

  // Issue 15: the attack paths on the diagram, as an image that loaded, with the counts; the ICD
  // has no many-instance component, so the multi-patient view says why it is not drawn.
  await page.click('#main a[href="#paths"]');
  await visible('#paths-figure', 'the attack paths on the data-flow diagram');
  await page.waitForFunction(() => {
    const image = document.getElementById('paths-figure');
    return image && image.complete && image.naturalWidth > 0;
  }, null, { timeout: 30000 });
  check((await page.textContent('#path-counts')).includes('before measures: 3; after measures: 0'),
        'the path counts before and after measures');
  await visible('#reach-figure-none', 'the reason there is no multi-patient harm view');
  check((await page.textContent('#reach-figure-none')).includes('instances: many'),
        'the reason names instances: many');
  await shot('paths');

  // The live update: a model edit shows within a few seconds.
  fs.appendFileSync(path.join(model, 'system.yaml'), '\n# edited by the browser test\n');
  await visible('#changed', 'the re-analysed banner');

  // Logging out reloads the page, which then asks for a login.
  await Promise.all([page.waitForEvent('load'), page.click('#logout')]);
  await logIn('qm', false);
  // The signature is bound to the report shown. A background re-analysis that lands between
  // opening the form and signing makes the server refuse it (409, "the report changed"): the
  // signer reopens the page and signs again, as a user would. The signature's scrypt check is
  // slow under the sanitizers and a loaded machine, hence the long wait.
  const signed = page.locator('#approval-table td', { hasText: 'Quinn Q. Manager' });
  for (let attempt = 1; ; ++attempt) {
    await page.goto(base + '#sign');
    await page.reload();
    await visible('#sign-form', 'the signature form');
    await page.fill('#sign-name', 'Quinn Q. Manager');
    await page.selectOption('#sign-meaning', 'approval');
    await page.fill('#sign-password', 'qm-password');
    await page.click('#sign-submit');
    const refused = page.locator('#sign-message.error');
    await signed.or(refused).first().waitFor({ timeout: 60000 });
    if (await signed.count() > 0) break;
    const why = await refused.textContent();
    check(attempt < 3 && why.includes('report changed'), 'the signature is recorded: ' + why);
  }
  await shot('sign');

  await page.goto(base + '#audit');
  await visible('#audit-table', 'the audit trail');
  check((await page.textContent('#audit-verified')).includes('intact'), 'the chain verifies');
  await shot('audit');
  for (const view of ['risks', 'trace', 'sdl', 'findings']) {
    await page.goto(base + '#' + view);
    await visible('main table', 'the ' + view + ' table');
  }
  // A finding's file:line opens that file with the line marked.
  const link = page.locator('#finding-table a.source-link').first();
  const where = await link.textContent();
  await link.click();
  await visible('#source-view tr.marked', 'the marked line of a finding');
  const line = where.slice(where.lastIndexOf(':') + 1);
  check((await page.textContent('#source-view tr.marked td.line-number')) === line,
        'the marked line is the finding\'s line ' + line);
  await shot('source');
  check(errors.length === 0, 'no script errors: ' + errors.join('; '));
  const verify = spawnSync(medtra, ['audit', 'verify', model]);
  check(verify.status === 0, 'audit verify passes: ' + verify.stdout);
  console.log('ok: login, decision, export, analyze, diagram, attack paths, live update, signature, audit, source of a finding');
} catch (e) {
  failed = true;
  console.error(e.stack || String(e));
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
