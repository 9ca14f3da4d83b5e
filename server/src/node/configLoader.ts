import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, type ParsedConfigFile, parseConfigFile } from '../core/configFile';

/**
 * Finds and reads `.clinical-lint.json` from a folder upwards (Node side: the core never
 * touches the file system). Parsed files are cached by path and modification time.
 */
export interface LoadedConfig extends ParsedConfigFile {
  path: string;
  text: string;
}

const cache = new Map<string, { mtimeMs: number; size: number; loaded: LoadedConfig }>();

export function findConfigFile(startDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (stopAt && path.resolve(dir) === path.resolve(stopAt)) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The file, parsed; one that cannot be read (a folder, no permission) is a problem of its own, never a throw. */
export function loadConfigFile(file: string): LoadedConfig {
  let stat: fs.Stats;
  let text: string;
  try {
    stat = fs.statSync(file);
    if (stat.isDirectory()) return unreadable(file, 'it is a folder, not a file');
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.loaded;
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return unreadable(file, e instanceof Error ? e.message : String(e));
  }
  const loaded = { ...parseConfigFile(text), path: file, text };
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, loaded });
  return loaded;
}

export function loadConfigFor(documentPath: string, stopAt?: string): LoadedConfig | undefined {
  const file = findConfigFile(path.dirname(documentPath), stopAt);
  return file ? loadConfigFile(file) : undefined;
}

function unreadable(file: string, why: string): LoadedConfig {
  return { settings: {}, problems: [{ start: 0, end: 0, message: `Cannot read the configuration file: ${why}.` }], path: file, text: '' };
}
