/** Sizes the benchmark reports: the built site, and what a first visit downloads from it. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The files a first visit fetched (URLs under the served dist/), sized raw, gzip -9 and brotli -11:
 * what a CDN with compression on would send. Workers and wasm included.
 */
export function firstVisitDownload(
  urls: Set<string>,
  base: string,
  dist: string,
): { files: number; raw: number; gzip: number; brotli: number } {
  const out = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const u of urls) {
    if (!u.startsWith(base)) continue;
    const rel = decodeURIComponent(new URL(u).pathname.slice(new URL(base).pathname.length)) || 'index.html';
    const file = path.join(dist, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
    const data = fs.readFileSync(file);
    out.files++;
    out.raw += data.length;
    out.gzip += zlib.gzipSync(data, { level: 9 }).length;
    out.brotli += zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length;
  }
  return out;
}

export function distSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
