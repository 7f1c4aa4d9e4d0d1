import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedSecrets } from './config.ts';

/**
 * For a development or demo data directory without configured keys: the keys are generated
 * once and kept in DATA_DIR/secrets.json (mode 600), so sessions and encrypted data survive
 * restarts. Production must set SECRET_KEY and DATA_ENCRYPTION_KEY (config refuses to start).
 */
export function ensureLocalSecrets(dataDir: string): { secrets: GeneratedSecrets; created: boolean } {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    return { secrets: JSON.parse(readFileSync(file, 'utf8')) as GeneratedSecrets, created: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: GeneratedSecrets = {
    SECRET_KEY: randomBytes(48).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secrets, created: true };
}
