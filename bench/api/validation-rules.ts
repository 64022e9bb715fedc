/**
 * `node dist/bench/api/validation-rules.js` (issue 13): the CPU the API's validation pipe spends on
 * each body of the bench:api case mix, with every DTO class of the API registered, with and without
 * the per-class rule cache (validation-metadata-cache.ts). The rule lookup walks every registered
 * class, so it is measured with all of them loaded, as in the API. Each variant runs in its own
 * process (the cache cannot be taken off once installed), alternately, BENCH_ROUNDS times (3).
 * Last line: { uncachedUsPerBody, cachedUsPerBody, ratio } (medians; ratio < 1 is a saving).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Type } from '@nestjs/common';
import { StrictValidationPipe } from '../../apps/api/src/problem/strict-validation.pipe.js';
import { cacheValidationMetadata } from '../../apps/api/src/validation/validation-metadata-cache.js';
import {
  AcceptApplicationDto,
  RegisterInquiryDto,
  SubmitApplicationDto,
} from '../../apps/api/src/cases/dto/intake-steps.dto.js';
import { CompleteCaseDto } from '../../apps/api/src/cases/dto/closing-steps.dto.js';
import { caseMix } from './case-mix.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM = 2_000;
const MEASURED = 5_000;

async function child(cached: boolean): Promise<void> {
  await import('../../apps/api/src/app.module.js'); // every DTO class of the API registered
  if (cached) cacheValidationMetadata();
  const pipe = new StrictValidationPipe();
  const dtos: Type<unknown>[] = [
    RegisterInquiryDto,
    SubmitApplicationDto,
    AcceptApplicationDto,
    CompleteCaseDto,
  ];
  const bodies = caseMix().map((r) => String(r.body));
  const run = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < dtos.length; j++)
        await pipe.transform(JSON.parse(bodies[j]!), { type: 'body', metatype: dtos[j]! });
  };
  await run(WARM);
  const before = process.cpuUsage();
  await run(MEASURED);
  const { user, system } = process.cpuUsage(before);
  console.log(((user + system) / (MEASURED * dtos.length)).toFixed(2));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function parent(): void {
  const self = fileURLToPath(import.meta.url);
  const measure = (variant: string): number =>
    Number(execFileSync(process.execPath, [self, variant], { encoding: 'utf8' }).trim());
  const uncached: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    uncached.push(measure('uncached'));
    cached.push(measure('cached'));
    console.log(`round ${i + 1}: µs CPU a body, uncached ${uncached[i]}, cached ${cached[i]}`);
  }
  const summary = {
    uncachedUsPerBody: median(uncached),
    cachedUsPerBody: median(cached),
    ratio: Number((median(cached) / median(uncached)).toFixed(3)),
  };
  console.log(JSON.stringify(summary));
}

const variant = process.argv[2];
if (variant === 'cached' || variant === 'uncached') await child(variant === 'cached');
else parent();
