/**
 * The SMS adapter (E2). Its signing is checked against the vector Tencent Cloud publishes with its
 * signature v3 documentation; its request against a local HTTP server standing in for the gateway.
 * It has never reached the real Tencent Cloud SMS service (no account here).
 */
import { createServer, type IncomingMessage } from 'node:http';
import { smsSubscription } from '#domain/testing/index.js';
import type { NotificationPayload } from './notification-channel.port.js';
import { tc3Authorization } from './tc3-signature.js';
import { TencentSmsChannel } from './tencent-sms-channel.js';

const payload: NotificationPayload = {
  notificationId: '3f1c9a52-8d2e-5b7a-9c41-0e6f2d3b4a15',
  kind: 'red',
  caseId: 'case-77',
  centerId: 'center-1',
  departmentId: 'dept-market',
  windowId: 'win-3',
  level: 'red',
  cardId: 'red-202603091730',
  deadline: '2026-03-09T17:30:00+08:00',
  dueAt: '2026-03-16T17:30:00+08:00',
  recipients: [{ role: 'supervisor' }],
  occurredAt: '2026-03-12T17:31:00+08:00',
};

describe('Tencent Cloud SMS adapter (E2)', () => {
  it("E2: TC3-HMAC-SHA256 reproduces the signature of Tencent Cloud's published example (cvm DescribeInstances, 2019-02-25)", () => {
    const authorization = tc3Authorization({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065,
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    });
    expect(authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, ' +
        'Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('E2, E3: sends SendSms with the template parameters (kind, case id, due time), signed, and reads Tencent answers', async () => {
    const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
    let answer: unknown = { Response: { SendStatusSet: [{ Code: 'Ok' }], RequestId: 'r-1' } };
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        const raw = typeof answer === 'string' ? answer : JSON.stringify(answer);
        res.writeHead(200, { 'content-type': 'application/json' }).end(raw);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const subscription = smsSubscription(`http://127.0.0.1:${address.port}/`);
    // The fake gateway listens on 127.0.0.1: allowed here (the SSRF guard refuses it by default).
    const channel = new TencentSmsChannel(() => 1773300000000, true);
    try {
      expect(await channel.deliver(payload, subscription, 2_000)).toEqual({ ok: true });
      const [request] = seen;
      expect(JSON.parse(request!.body)).toEqual({
        PhoneNumberSet: ['+8613800000000'],
        SmsSdkAppId: '1400006666',
        SignName: '某某县政务服务中心',
        TemplateId: '1110',
        TemplateParamSet: ['红牌', 'case-77', '2026-03-16 17:30'],
        SessionContext: payload.notificationId,
      });
      expect(request!.headers).toMatchObject({
        'x-tc-action': 'SendSms',
        'x-tc-version': '2021-01-11',
        'x-tc-region': 'ap-guangzhou',
        'x-tc-timestamp': '1773300000',
        authorization: tc3Authorization({
          secretId: 'AKIDexample',
          secretKey: subscription.secret,
          service: '127',
          host: `127.0.0.1:${address.port}`,
          timestamp: 1773300000,
          payload: request!.body,
        }),
      });
      answer = { Response: { Error: { Code: 'AuthFailure.SignatureFailure' }, RequestId: 'r-2' } };
      expect(await channel.deliver(payload, subscription, 2_000)).toEqual({
        ok: false,
        error: 'SendSms AuthFailure.SignatureFailure',
      });
      answer = { Response: { SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit' }] } };
      expect(await channel.deliver(payload, subscription, 2_000)).toMatchObject({ ok: false });
      // A body that is not JSON fails the attempt without quoting it: the reason is logged (E2).
      answer = '{"Response":{"SendStatusSet":[{"PhoneNumber":"+8613800000000","Code":';
      expect(await channel.deliver(payload, subscription, 2_000)).toEqual({
        ok: false,
        error: 'SendSms answer is not JSON',
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
