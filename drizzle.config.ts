import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/platform/db/schema.ts',
  // The schema-drift test generates into a scratch copy of migrations/.
  out: process.env.DRIZZLE_MIGRATIONS_OUT ?? './migrations',
  dbCredentials: { url: process.env.DATABASE_PATH ?? './data/pacer.sqlite' },
  strict: true,
  verbose: true,
});
