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

export function loadConfigFile(file: string): LoadedConfig {
  const stat = fs.statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.loaded;
  const text = fs.readFileSync(file, 'utf8');
  const loaded = { ...parseConfigFile(text), path: file, text };
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, loaded });
  return loaded;
}

export function loadConfigFor(documentPath: string, stopAt?: string): LoadedConfig | undefined {
  const file = findConfigFile(path.dirname(documentPath), stopAt);
  return file ? loadConfigFile(file) : undefined;
}
