import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ProjectorModule } from './projector.module.js';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectorModule);
  app.enableShutdownHooks();
  console.log('projector started');
}

await main();
