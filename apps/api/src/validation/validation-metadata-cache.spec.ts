import 'reflect-metadata';
import { IsInt, IsOptional, IsString, ValidateNested, validate } from 'class-validator';
import { Type } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

class Named {
  @IsString()
  name!: string;
}

class Counted extends Named {
  @IsInt()
  count!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => Named)
  inner?: Named;
}

const failing = async (value: object): Promise<string[]> =>
  (await validate(value, { whitelist: true, forbidNonWhitelisted: true })).map((e) => e.property).sort();

// Issue 13: class-validator's rule lookups kept per class must answer exactly what it answers.
describe('validation rules looked up once per class', () => {
  beforeAll(() => cacheValidationMetadata());

  it('validates own, inherited and nested rules as before, on every call', async () => {
    const bad = Object.assign(new Counted(), { name: 1, count: 'x', extra: true });
    for (let i = 0; i < 3; i++) expect(await failing(bad)).toEqual(['count', 'extra', 'name']);
    const inner = Object.assign(new Named(), { name: 2 });
    const nested = Object.assign(new Counted(), { name: 'a', count: 1, inner });
    const [error] = await validate(nested);
    expect(error?.property).toBe('inner');
    expect(error?.children?.map((c) => c.property)).toEqual(['name']);
    expect(await failing(Object.assign(new Counted(), { name: 'a', count: 1 }))).toEqual([]);
  });

  it('sees a rule added after its class was looked up', async () => {
    class Late {
      @IsString()
      a!: string;
    }
    const value = Object.assign(new Late(), { a: 'ok', b: 'not a number' });
    expect(await failing(value)).toEqual(['b']); // b has no rule yet: not whitelisted
    IsInt()(Late.prototype, 'b');
    const [error] = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
    expect(error?.property).toBe('b');
    expect(Object.keys(error?.constraints ?? {})).toEqual(['isInt']);
  });
});
