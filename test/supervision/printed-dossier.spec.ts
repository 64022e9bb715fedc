/**
 * Issue 12, items 9 and 12, over HTTP with supervision running: what `level`, `onTime` and
 * `overdueMinutes` say once a case is late, carded, revoked and closed; and the dossier as a
 * 纪检监察 reader prints it — in a real browser (Debian's chromium driven by playwright-core, never
 * a downloaded one), to PDF, whose text (poppler's pdftotext) and page count are checked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { defineCenter, expectOk, INQUIRY, type Tokens } from '../api/support/case-fixtures.js';
import { applyFor, approve, explainCard, revokeCard } from '../api/support/case-steps.js';
import { startSupervisedApi, type SupervisedApi } from './support/supervised-api.js';
import { caseNow, eventsOf, type RecordedEventJson } from './support/walkthrough-steps.js';
import { launchChromium } from '../support/chromium.js';
import { useTestApi } from '../api/support/test-api-stand.js';

describe('levels after cards and closing (item 9), and the printed dossier (item 12)', () => {
  let api: SupervisedApi;
  let t: Tokens;
  let carded: string; // accepted, yellow then red (revoked), completed late
  let lateByAMinute: string; // completed at 17:31 after a 17:30 deadline
  let beforeCompletion: Record<string, unknown>;
  let events: RecordedEventJson[];

  const accepted = async (): Promise<string> => {
    const id = (await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, t.guide)).caseId as string;
    await applyFor(api, id, t.window, { materials: [{ code: 'id', name: '身份证' }] });
    await expectOk(api, 'POST', `/cases/${id}/acceptance`, { receiptNo: `SL-${id.slice(0, 4)}` }, t.window);
    return id;
  };

  useTestApi({ open: () => startSupervisedApi(), timeoutMs: 120_000 }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    await defineCenter(api, t, { name: '某县政务服务中心' });
    carded = await accepted(); // deadline Monday 2026-03-09 17:30 (5 working days, T4)
    lateByAMinute = await accepted();
    await api.setClock('2026-03-09T17:31:00+08:00'); // yellow cards for both (C2)
    await approve(api, lateByAMinute, 'JD-0002', t.window);
    await explainCard(api, carded, 'yellow-202603091730', '材料需跨部门核验', t.window);
    await api.setClock('2026-03-12T17:31:00+08:00'); // 3 working days overdue: red (C3)
    await revokeCard(api, t, carded, 'red-202603091730', '节假日数据有误');
    beforeCompletion = await caseNow(api, carded, t.supervisor);
    await approve(api, carded, 'JD-0001', t.window);

    events = await eventsOf(api, carded, t.auditor);
  }, 120_000);

  it('item 9 (C4): a revoked red card no longer makes the level red: the yellow card still standing sets it', () => {
    expect(beforeCompletion.cards).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'red', revoked: true })]),
    );
    expect({ level: beforeCompletion.level, closedLevel: beforeCompletion.closedLevel }).toEqual({
      level: 'yellow',
      closedLevel: null,
    });
  });

  it('item 9: a completed case is no longer supervised: level normal, closedLevel the level it closed at', async () => {
    const now = await caseNow(api, carded, t.supervisor);
    // T12: an approval is decided, its clock stopped, and closes when its licence is delivered.
    expect({ status: now.status, level: now.level, closedLevel: now.closedLevel }).toEqual({
      status: 'decided',
      level: 'normal',
      closedLevel: 'yellow',
    });
    const state = await api.request(
      'GET',
      `/cases/${carded}/state?asOf=2026-03-12T17:30:00%2B08:00`,
      undefined,
      {
        token: t.auditor,
      },
    );
    // A minute before the revocation and the completion the clock alone said red, and the case was open.
    expect({ level: state.body.level, closedLevel: state.body.closedLevel }).toEqual({
      level: 'red',
      closedLevel: null,
    });
  });

  it('item 9: completed at 17:31 after a 17:30 deadline is late by at least one minute, never onTime false with 0', async () => {
    const completion = (await eventsOf(api, lateByAMinute, t.auditor)).find(
      (e) => e.type === 'CaseCompleted',
    )!;
    expect(completion.data).toMatchObject({
      onTime: false,
      overdueMinutes: 1,
      deadline: '2026-03-09T17:30:00+08:00',
    });
    expect((await caseNow(api, lateByAMinute, t.supervisor)).closedLevel).toBe('yellow');
  });

  it('item 12: the dossier printed in chromium names things, reads as sentences, has full hashes, page numbers and a signature block', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-pdf-'));
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${t.auditor}`, accept: 'text/html' });
      const res = await page.goto(`${api.url}/cases/${carded}/dossier`);
      expect(res?.status()).toBe(200);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const file = join(dir, 'dossier.pdf');
      await writeFile(file, pdf);
      const pages = Number(
        /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1],
      );
      // -raw: the text in the order it was drawn, so a table cell's sentence stays in one piece.
      const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      const pageTexts = text.split('\f').filter((p) => p.trim() !== '');
      expect(pageTexts).toHaveLength(pages);
      expect(pages).toBeGreaterThanOrEqual(2);
      for (const [i, p] of pageTexts.entries())
        expect(p.replace(/\s+/g, '')).toContain(`第${i + 1}页，共${pages}页`);

      const flat = text.replace(/\s+/g, '');
      for (const name of [
        '某县政务服务中心（center-1）',
        '食品经营许可（M-001）',
        'dept-market（未配置名称）',
        '承诺件',
      ])
        expect(flat).toContain(name);
      expect(flat).toContain('部门、窗口未配置名称，以编码显示');
      // The decision and its result in the header, as a sentence.
      expect(flat).toContain('办理结果2026-03-1217:31办结：准予许可，决定书编号JD-0001；超期办结');
      expect(flat).toContain('办结时等级黄牌');
      // Each event as a sentence, never raw JSON.
      expect(flat).toContain('受理，受理回执编号');
      expect(flat).toContain('督查撤销red-202603091730，理由：节假日数据有误。');
      expect(flat).toContain('电子监察亮黄牌（yellow-202603091730）');
      expect(flat).not.toMatch(/\{"\w+":/);
      // Full hashes, wrapped but whole.
      for (const e of events) expect(flat).toContain(e.integrity.hash);
      // The signature block closes the printed dossier.
      expect(pageTexts.at(-1)!.replace(/\s+/g, '')).toContain('审阅人（签字）');
      expect(flat).toContain('纪检监察机构（盖章）');
    } finally {
      await browser?.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('item 12: the JSON dossier carries the same names, result and sentences', async () => {
    const res = await api.request<{
      names: Record<string, { name: string | null; configured: boolean }>;
      result: { status: string; summary: string };
      timeline: { summary: string; type: string }[];
    }>('GET', `/cases/${carded}/dossier`, undefined, { token: t.auditor });
    expect(res.body.names.center).toMatchObject({ name: '某县政务服务中心', configured: true });
    expect(res.body.names.department).toMatchObject({ name: null, configured: false });
    expect(res.body.result.status).toBe('completed');
    expect(res.body.timeline.find((e) => e.type === 'InquiryRegistered')!.summary).toBe(
      '张三（个人）通过窗口咨询：“如何办理食品经营许可？”；首问责任人' +
        (events[0]!.data.firstResponder as { name: string }).name +
        '。',
    );
  });
});
