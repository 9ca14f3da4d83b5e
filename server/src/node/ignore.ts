import * as path from 'node:path';
import picomatch from 'picomatch';

/**
 * The `ignore` globs of `.clinical-lint.json`: patterns relative to the folder of the file that
 * declares them (`drafts/**`, `**\/CHANGELOG.md`). A pattern without a slash matches a file or
 * folder name at any depth, as in `.gitignore`.
 */
export function isIgnored(file: string, configPath: string | undefined, patterns: readonly string[] | undefined): boolean {
  if (!configPath || !patterns?.length) return false;
  const rel = path.relative(path.dirname(configPath), path.resolve(file)).split(path.sep).join('/');
  if (rel.startsWith('../') || path.isAbsolute(rel)) return false;
  const globs = patterns.flatMap((p) => {
    const q = p.replace(/^\.\//, '').replace(/\/$/, '/**');
    return q.includes('/') ? [q.replace(/^\//, '')] : [`**/${q}`, `**/${q}/**`];
  });
  return picomatch(globs, { dot: true })(rel);
}
