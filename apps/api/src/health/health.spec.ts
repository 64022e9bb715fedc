import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { AppModule } from '../app.module.js';

describe('GET /health', () => {
  it('answers ok over HTTP', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication();
    await app.listen(0, '127.0.0.1');
    const res = await fetch(`${await app.getUrl()}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    await app.close();
  });
});
