/**
 * Benchmark sets are generated once and kept in build/bench/<name>/ with the options that made them
 * (options.json): a set is regenerated only when those change.
 */
import fs from 'node:fs';
import path from 'node:path';

export async function cachedSet<T>(
  dir: string,
  options: unknown,
  label: string,
  make: (dir: string) => Promise<T[]>,
): Promise<T[]> {
  const stamp = path.join(dir, 'options.json');
  const key = JSON.stringify(options);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key)
    return JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as T[];
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`Generating ${label}…\n`);
  const cases = await make(dir);
  fs.writeFileSync(stamp, key);
  return cases;
}
