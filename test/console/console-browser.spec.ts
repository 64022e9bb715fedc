/**
 * The supervision console (issue 18) in headless Chromium against the real entry point: a supervisor
 * signs in through the development login, watches a yellow card arrive live on the board after the
 * manual clock passes the deadline (C2), reads the card list with the explanation due (C5), searches
 * the worklist, opens the case, moves the slider to before its acceptance and sees the earlier state
 * (U4); an auditor signs in with a pasted token and opens the printable dossier. Each page is saved
 * as a screenshot (docs/screenshots/ with CONSOLE_SCREENSHOTS=docs/screenshots).
 */
import { parseInstant } from '#domain/calendar/index.js';
import { INQUIRY, PROMISED_MATTER } from '../api/support/case-fixtures.js';
import { startConsoleStand, type ConsoleStand } from './support/console-stand.js';

const START = '2026-03-02T09:00:00+08:00'; // a Monday, a working day
const HOUR = 3_600_000;

describe('supervision console in a browser', () => {
  let s: ConsoleStand;
  let caseId: string;
  let deadline: string;

  beforeAll(async () => {
    s = await startConsoleStand(START);
    await s.ok('PUT', '/admin/matters/M-001', 'admin', PROMISED_MATTER);
    caseId = (await s.ok<{ caseId: string }>('POST', '/cases/inquiries', 'window', INQUIRY)).caseId;
    await s.ok('POST', '/admin/clock', 'admin', { now: '2026-03-02T09:30:00+08:00' });
    await s.ok('POST', `/cases/${caseId}/application`, 'window', {
      matterCode: 'M-001',
      materials: [
        { code: 'id', name: '身份证' },
        { code: 'lease', name: '场地租赁合同' },
      ],
    });
    await s.ok('POST', '/admin/clock', 'admin', { now: '2026-03-02T10:00:00+08:00' });
    const accepted = await s.ok<{ position: string; events: { data: { deadline: string } }[] }>(
      'POST',
      `/cases/${caseId}/acceptance`,
      'window',
      { receiptNo: 'SL-0001' },
    );
    expect(accepted.events[0]!.data.deadline).toBe('2026-03-09T17:30:00+08:00');
    // T6: an inspection (检验) from Tuesday to Wednesday 09:00 moves the deadline to 03-10 on resumption;
    // T7: a 3-day extension moves it to 03-13.
    await s.ok('POST', '/admin/clock', 'admin', { now: '2026-03-03T09:00:00+08:00' });
    await s.ok('POST', `/cases/${caseId}/suspensions`, 'window', {
      type: 'inspection',
      reason: '需检验样品',
      expectedDays: 1,
      applicantNotifiedAt: '2026-03-03T09:00:00+08:00',
    });
    await s.ok('POST', '/admin/clock', 'admin', { now: '2026-03-04T09:00:00+08:00' });
    await s.ok('POST', `/cases/${caseId}/suspensions/1/resumption`, 'window', {});
    const extended = await s.ok<{ events: { data: { deadline: string } }[] }>(
      'POST',
      `/cases/${caseId}/extension`,
      'approver',
      { days: 3, reason: '需组织专家评审', applicantNotifiedAt: '2026-03-04T09:00:00+08:00', channel: 'sms' },
    );
    deadline = extended.events[0]!.data.deadline;
    expect(deadline).toBe('2026-03-13T17:30:00+08:00');
  }, 240_000);
  afterAll(() => s?.close());

  // Evaluated in the page (a string: this suite's TypeScript has no DOM types).
  const focusedTag = (): Promise<string | null> =>
    s.page.evaluate<string | null>('document.activeElement && document.activeElement.tagName');
  /** The API answers 404 NOT_FOUND for a route it does not serve (a planned one of docs/API.md). */
  const routeAbsent = async (path: string, role: 'supervisor' | 'auditor'): Promise<boolean> => {
    const res = await s.call<{ code?: string }>('GET', path, role);
    return res.status === 404 && res.body.code === 'NOT_FOUND';
  };
  /** Form fields without a label a screen reader would read. */
  const unlabelled = (): Promise<number> =>
    s.page.evaluate<number>(
      "[...document.querySelectorAll('input, select, textarea')].filter((e) => !e.labels || e.labels.length === 0).length",
    );
  /** Every form field of the page has a label; then the page is saved as screenshot `name`. */
  const labelledAndSaved = async (name: string): Promise<void> => {
    expect(await unlabelled()).toBe(0);
    await s.screenshot(name);
  };

  it('signs a supervisor in through the development login; a yellow card arrives on the board live once the clock passes the deadline (C2)', async () => {
    const { page } = s;
    await page.goto(`${s.url}/console`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.locator('button[data-role="supervisor"]').waitFor();
    await labelledAndSaved('console-sign-in');
    await page.click('button[data-role="supervisor"]');
    await page.locator('[data-stream="open"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('h1').textContent()).toBe('实时监控');
    expect(await focusedTag()).toBe('H1');
    expect(await page.locator('[data-testid="overdue-board"]').count()).toBe(0);

    // Two hours past the deadline: the clock's answer comes after one supervision tick.
    await s.ok('POST', '/admin/clock', 'admin', {
      now: new Date(parseInstant(deadline) + 2 * HOUR).toISOString(),
    });
    const alert = page.locator(`.alert-list li[data-level="yellow"][data-case="${caseId}"]`);
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('黄牌');
    // The board reloads on the alert: the case under its department and window.
    const onBoard = page.locator(
      `[data-testid="overdue-board"] li[data-case="${caseId}"][data-level="yellow"]`,
    );
    await onBoard.waitFor({ timeout: 20_000 });
    const row = page.locator('[data-testid="overdue-board"] tbody tr').first();
    expect(await row.textContent()).toContain('dept-market');
    expect(await row.textContent()).toContain('win-3');
    expect(await page.locator('.count-yellow dd').textContent()).toBe('1');
    expect(await page.locator('svg[role="img"]').first().getAttribute('aria-label')).toContain('黄牌 1 件');
    await s.screenshot('console-board');
  }, 120_000);

  it('lists the yellow card with its explanation due, judged at the API clock (C5)', async () => {
    const { page } = s;
    await page.click('nav >> text=亮牌与说明');
    const row = page.locator(`[data-testid="cards"] tbody tr[data-level="yellow"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('data-explanation')).toBe('due');
    expect(await row.textContent()).toContain('待说明');
    expect(await page.locator('[data-count="due"]').textContent()).toBe('1');
    await labelledAndSaved('console-cards');
  }, 60_000);

  it('searches the worklist by receipt number, or says plainly that GET /cases is not served by this API', async () => {
    const { page } = s;
    const served = !(await routeAbsent('/cases?receiptNo=SL-0001', 'supervisor'));
    await page.click('nav >> text=办件查询');
    await page.fill('input >> nth=0', 'SL-0001');
    await page.click('button:has-text("查询")');
    if (served) {
      const link = page.locator(`[data-testid="worklist"] a[href="#/case/${caseId}"]`);
      await link.waitFor({ timeout: 20_000 });
    } else {
      const notice = page.locator('[data-degraded]');
      await notice.waitFor({ timeout: 20_000 });
      expect(await notice.textContent()).toContain('/cases');
    }
    await labelledAndSaved('console-worklist');
  }, 60_000);

  it('opens the case from the board: deadline on a time axis, timeline, and the slider before acceptance shows the earlier state (U4)', async () => {
    const { page } = s;
    await page.click('nav >> text=实时监控');
    await page.click(`[data-testid="overdue-board"] li[data-case="${caseId}"] a`);
    await page.locator('[data-testid="case-now"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="case-now"]').textContent()).toContain('已受理');
    const axis = await page.locator('figure.axis svg').getAttribute('aria-label');
    expect(axis).toContain('受理时期限 2026-03-09 17:30');
    expect(axis).toContain('恢复计时后期限 2026-03-10 17:30');
    expect(axis).toContain('延期后期限 2026-03-13 17:30');
    expect(axis).toContain('中止计时 1 次');
    // inquiry, application, acceptance, suspension, resumption, extension, yellow card
    expect(await page.locator('.timeline li').count()).toBe(7);
    const asOfStatus = page.locator('[data-testid="as-of-state"] [data-field="status"]');
    await asOfStatus.waitFor({ timeout: 20_000 });
    expect(await asOfStatus.textContent()).toBe('已受理');

    // Home: the first instant of the case (09:00), before its application and acceptance.
    await page.focus('#as-of');
    await page.keyboard.press('Home');
    await page.locator('[data-testid="as-of-state"] dl[data-status="inquiry"]').waitFor({ timeout: 20_000 });
    expect(await asOfStatus.textContent()).toBe('咨询');
    expect(await page.locator('#as-of').getAttribute('aria-valuetext')).toBe('2026-03-02 09:00');
    expect(await page.locator('.timeline li.later').count()).toBe(6);
    // One step right of 09:30 (30 minutes on): received, not yet accepted.
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="as-of-state"] dl[data-status="received"]').waitFor({ timeout: 20_000 });
    await labelledAndSaved('console-case');
  }, 90_000);

  it('rankings: the month of the API clock, ranked by department (P7), with no refusal', async () => {
    const { page } = s;
    await page.click('nav >> text=排名');
    await page.locator('table, p.empty, .notice-error').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(await page.locator('input[type="month"]').inputValue()).toMatch(/^\d{4}-\d{2}$/);
    await s.screenshot('console-rankings');
  }, 60_000);

  it('prints without the navigation', async () => {
    const { page } = s;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('header.top').isVisible()).toBe(true);
  });

  it('signs an auditor in with a pasted token; the auditor opens the printable dossier and the seal verification', async () => {
    const { page } = s;
    await page.click('header.top button:has-text("退出")');
    await page.fill('#token', await s.token('auditor'));
    await page.click('button[type="submit"]');
    await page.locator('nav >> text=封存校验').waitFor();
    await page.goto(`${s.url}/console/#/dossier/${caseId}`);
    const dossier = page.frameLocator('iframe.dossier-frame');
    await dossier.locator('h1').waitFor({ timeout: 20_000 });
    expect(await dossier.locator('h1').textContent()).toBe('办件档案');
    expect(await dossier.locator('body').textContent()).toContain(caseId);
    await s.screenshot('console-dossier');

    const absent = await routeAbsent('/audit/seals/verification', 'auditor');
    await page.click('nav >> text=封存校验');
    await page
      .locator(absent ? '[data-degraded]' : '.notice-ok, .notice-error')
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-degraded]').count()).toBe(absent ? 1 : 0);
    await s.screenshot('console-seals');
  }, 90_000);
});
