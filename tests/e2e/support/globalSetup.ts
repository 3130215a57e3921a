import type { TestProject } from 'vitest/node';
import { serveDirectory } from '../../../scripts/staticServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await serveDirectory('dist');
  project.provide('baseUrl', server.url);
  return server.close;
}
