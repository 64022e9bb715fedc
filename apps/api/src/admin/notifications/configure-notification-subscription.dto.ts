import { NOTIFICATION_KINDS } from '#domain/notification/notification.js';
import {
  EnumField,
  IdField,
  NestedField,
  TextField,
  TextListField,
} from '../../validation/dto-field.decorators.js';

/** Tencent Cloud SMS (SendSms 2021-01-11); `secret` of the subscription is the SecretKey. */
export class SmsGatewayDto {
  @EnumField(['tencent-cloud'], { example: 'tencent-cloud' })
  provider!: 'tencent-cloud';

  @TextField({ maxLength: 100, example: 'AKIDexample' })
  secretId!: string;

  @TextField({ maxLength: 40, example: '1400006666' })
  sdkAppId!: string;

  @TextField({ maxLength: 40, example: '某某县政务服务中心' })
  signName!: string;

  @TextField({
    maxLength: 40,
    example: '1110',
    description: 'template with {1} kind, {2} case id, {3} deadline',
  })
  templateId!: string;

  @TextField({ maxLength: 40, example: 'ap-guangzhou' })
  region!: string;

  @TextListField({
    maxItems: 50,
    maxLength: 20,
    example: ['+8613800000000'],
    description: "staff numbers (E.164), never an applicant's",
  })
  phoneNumbers!: string[];
}

/** E2: where a center's or a department's notifications go (API.md "Administration"). */
export class ConfigureNotificationSubscriptionDto {
  @TextField({
    maxLength: 2000,
    example: 'https://oa.example.gov.cn/hooks/supervision',
    description:
      'The webhook receiving `POST` requests (or, for channel sms, the gateway endpoint https://sms.tencentcloudapi.com)',
  })
  url!: string;

  @TextField({
    maxLength: 200,
    example: 'a-long-random-secret-of-the-receiver',
    description: 'HMAC-SHA256 key of `X-Signature` (at least 16 characters); never answered back',
  })
  secret!: string;

  @TextListField({
    maxItems: 5,
    maxLength: 40,
    example: ['yellow', 'red'],
    description: `any of ${NOTIFICATION_KINDS.join(', ')}`,
  })
  kinds!: string[];

  @IdField({ example: 'center-1' })
  centerId!: string;

  @IdField({
    optional: true,
    example: 'dept-market',
    description: "absent: the whole center's notifications",
  })
  departmentId?: string;

  @EnumField(['webhook', 'sms'], { optional: true, example: 'webhook', description: 'default webhook' })
  channel?: 'webhook' | 'sms';

  @NestedField(() => SmsGatewayDto, { optional: true, description: 'for channel sms' })
  sms?: SmsGatewayDto;
}
