/**
 * vitest globalSetup: starts the test PostgreSQL once per run and migrates a template database; each test file
 * that needs PostgreSQL copies it (test/support/postgres.ts), so files run in parallel on databases of their own.
 */
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/platform/db/pg-connection.js';
import { adminQuery, startTestCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgUrlPattern: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = startTestCluster();
  const template = `pacer_template_${process.pid}`;
  try {
    await adminQuery(cluster.adminUrl, `drop database if exists ${template}`);
    await adminQuery(cluster.adminUrl, `create database ${template}`);
    const handle = await openPostgres(cluster.urlFor(template), { max: 1 });
    await handle.close();
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide('pgAdminUrl', cluster.adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgUrlPattern', cluster.urlFor('pacer_db_placeholder'));
  return async () => {
    try {
      await adminQuery(cluster.adminUrl, `drop database if exists ${template}`);
    } finally {
      cluster.stop();
    }
  };
}
