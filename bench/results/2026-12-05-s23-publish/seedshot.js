// node seedshot.js BASE OUTDIR SEED TITLE WIDTH : (s21-intake's, at a given viewport width) the seed plan through the intake pages as the office: pasted, its draft
// reviewed (screenshot), the plan title set, published and assigned, the ledger it lands on (screenshot)
const { chromium } = require('/tmp/pw/node_modules/playwright-core');
const fs = require('fs');
(async () => {
  const [base, out, seed, title, width] = process.argv.slice(2);
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.goto(`${base}/login?lang=zh-CN`);
  await page.fill('#username', 'office');
  await page.fill('#password', 'rectify-demo');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.goto(`${base}/intake`);
  await page.fill('#text', fs.readFileSync(seed, 'utf8'));
  await Promise.all([page.waitForNavigation(), page.click('#intake-submit')]);
  await page.waitForLoadState('networkidle').catch(() => {});
  console.log('draft', page.url());
  await page.screenshot({ path: `${out}/seed-draft-review-${width}.png`, fullPage: true });
  await page.evaluate(() => document.getElementById('header-form').classList.add('show'));
  await page.fill('#header-form #planTitle', title);
  await Promise.all([page.waitForNavigation(), page.click('#header-form button[type=submit]')]);
  const t0 = Date.now();
  await Promise.all([page.waitForNavigation({ timeout: 600000 }), page.click('#publish-assign')]);
  await page.waitForLoadState('networkidle').catch(() => {});
  console.log('published in', Date.now() - t0, 'ms ->', page.url());
  await page.screenshot({ path: `${out}/seed-published-ledger-${width}.png`, fullPage: true });
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
