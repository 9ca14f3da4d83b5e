import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

export interface Target {
  path: string;
  /** Named on the command line (linted whatever it looks like) or found in a folder. */
  explicit: boolean;
}

/**
 * Files, folders (searched for .md, .markdown, .txt) and globs, in a stable order, each file once
 * (a symbolic link and its target are one file). `ignore` globs are not applied here: each file
 * is judged by the configuration that applies to it, relative to that file's folder.
 */
export async function expandTargets(args: string[]): Promise<{ targets: Target[]; missing: string[] }> {
  const targets: Target[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean): void => {
    let abs = path.resolve(p);
    try {
      abs = fs.realpathSync(abs);
    } catch {
      // A broken link: reported when read.
    }
    if (seen.has(abs)) return;
    seen.add(abs);
    targets.push({ path: p, explicit });
  };
  for (const arg of args) {
    if (fs.existsSync(arg)) {
      const stat = fs.statSync(arg);
      if (stat.isDirectory()) for (const f of walk(arg)) add(f, false);
      else add(arg, true);
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, { ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true, dot: false });
      found.sort();
      if (!found.length) missing.push(arg);
      for (const f of found) add(f, false);
    } else {
      missing.push(arg);
    }
  }
  return { targets, missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') && e.name !== '.') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...walk(p));
    } else if (e.isFile() && ARTICLE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) {
      out.push(p);
    }
  }
  return out;
}

export type ReadResult = { text: string; bom: boolean } | { skipped: string };

/**
 * Reads a file as UTF-8 text; a BOM is dropped (editors do not show it as a character), and said
 * (`--fix` writes it back). The file's bytes are let go once decoded: the text (two bytes a
 * character when it holds one past Latin-1) is the one copy a lint holds.
 */
export function readArticle(file: string): ReadResult {
  const buf = fs.readFileSync(file);
  const probe = buf.subarray(0, 65536);
  if (probe.includes(0)) return { skipped: 'binary content (NUL bytes), not a text file' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { skipped: 'not valid UTF-8 text' };
  }
  // The decoder drops the BOM itself.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, bom: buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf };
}

export function kindOfPath(file: string): 'markdown' | 'plaintext' {
  return /\.(md|markdown|mdx)$/i.test(file) ? 'markdown' : 'plaintext';
}
