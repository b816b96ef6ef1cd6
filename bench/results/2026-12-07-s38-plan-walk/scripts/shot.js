// node shot.js BASE USER PASS OUTPREFIX PATH...
const { chromium } = require('playwright-core');
(async () => {
  const [base, user, pass, out, ...paths] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  for (const [name, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(base + '/login');
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', pass);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    let i = 0;
    for (const p of paths) {
      await page.goto(base + p);
      await page.screenshot({ path: `${out}-${name}-${i++}.png`, fullPage: false });
    }
    await ctx.close();
  }
  await browser.close();
})();
