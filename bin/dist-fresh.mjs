// Whether dist/ (npm run build) is present and built from the src/ that is here now.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let max = 0;
  let count = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      const sub = newest(p);
      max = Math.max(max, sub.max);
      count += sub.count;
    } else {
      max = Math.max(max, statSync(p).mtimeMs);
      count++;
    }
  }
  return { max, count };
}

export function distIsFresh(root) {
  const stamp = path.join(root, 'dist', '.build.json');
  if (!existsSync(stamp)) return false;
  const built = JSON.parse(readFileSync(stamp, 'utf8'));
  const now = newest(path.join(root, 'src'));
  return now.max <= built.newestSourceMs && now.count === built.files;
}
