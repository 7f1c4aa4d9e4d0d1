import { defineConfig } from 'drizzle-kit';

// Migrations are generated from every module's schema.ts (npm run db:generate) and applied
// at start-up and by `terbuka migrate`, on PGlite and on PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/schema.ts', './src/modules/**/schema.ts'],
  out: './db/migrations',
});
