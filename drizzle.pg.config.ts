import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/pg-schema.ts',
  // The PostgreSQL schema-drift test generates into a scratch copy of migrations/postgres/.
  out: process.env.DRIZZLE_MIGRATIONS_OUT ?? './migrations/postgres',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/pacer' },
  strict: true,
  verbose: true,
});
