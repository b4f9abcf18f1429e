import fs from 'node:fs';

/** Resident memory (bytes) of a process and all its descendants, from /proc (Linux only; 0 elsewhere). */
/** RSS of everything this process started (Playwright runs Chromium as our child), excluding ourselves. */
export function childrenRss(): number {
  return processTreeRss(process.pid) - processTreeRss(process.pid, false);
}

export function processTreeRss(pid: number, descendants = true): number {
  if (!fs.existsSync('/proc')) return 0;
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${current}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      if (match) total += Number(match[1]) * 1024;
    } catch {
      continue;
    }
    if (descendants) stack.push(...(children.get(current) ?? []));
  }
  return total;
}
