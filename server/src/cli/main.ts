import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type LintConfig } from '../core/config';
import { mergeConfig } from '../core/configFile';
import { applyEdits, safeEdits } from '../core/fixes';
import { lint } from '../core/lint';
import { RULES } from '../core/rules';
import { LineIndex } from '../core/text/lineIndex';
import { JURISDICTIONS, type Jurisdiction, type SeveritySetting } from '../core/types';
import { toPlainDiagnostic } from '../lsp/convert';
import { type LoadedConfig, loadConfigFile, loadConfigFor } from '../node/configLoader';
import { bibliographyLoaderFor } from '../node/bibliography';
import { expandTargets, kindOfPath, readArticle } from './files';
import { type FileReport, json, sarif, stylish } from './format';

const VERSION = '0.1.0';
const USAGE = `Usage: clinical-lint [options] PATH...

Lints health articles (Markdown, plain text) for unsupported claims, missing and broken
citations, off-label disclosure and safe messaging. PATH may be a file, a folder or a glob.

Options:
  -f, --format stylish|json|sarif   output format (default: stylish)
  -j, --jurisdiction CA|US|UK|AU    approval data and resources to use (default: CA)
  -c, --config FILE                 configuration file (default: .clinical-lint.json, looked up
                                    from each file's folder upwards)
      --citation-scope paragraph|sentence
      --rule ID=SEVERITY            set a rule's severity (off, hint, info, warning, error)
      --fix                         apply every safe fix and write the files
      --list-rules                  print the rules and exit
  -h, --help                        print this help
  -v, --version                     print the version

Exit status: 0 no error-severity finding, 1 at least one, 2 usage or configuration error.`;

class UsageError extends Error {}

interface Options {
  format: 'stylish' | 'json' | 'sarif';
  jurisdiction?: Jurisdiction;
  config?: string;
  citationScope?: 'paragraph' | 'sentence';
  rules: Record<string, SeveritySetting>;
  fix: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' | 'list-rules' {
  const o: Options = { format: 'stylish', rules: {}, fix: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = (): string => {
      if (value !== undefined) return value;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--list-rules':
        return 'list-rules';
      case '-f':
      case '--format': {
        const f = next();
        if (f !== 'stylish' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (stylish, json, sarif)`);
        o.format = f;
        break;
      }
      case '-j':
      case '--jurisdiction': {
        const j = next().toUpperCase();
        if (!(JURISDICTIONS as readonly string[]).includes(j)) throw new UsageError(`unknown jurisdiction "${j}" (${JURISDICTIONS.join(', ')})`);
        o.jurisdiction = j as Jurisdiction;
        break;
      }
      case '-c':
      case '--config':
        o.config = next();
        break;
      case '--citation-scope': {
        const s = next();
        if (s !== 'paragraph' && s !== 'sentence') throw new UsageError(`--citation-scope must be paragraph or sentence`);
        o.citationScope = s;
        break;
      }
      case '--rule': {
        const [id, sev] = next().split('=');
        if (!RULES.some((r) => r.meta.id === id)) throw new UsageError(`unknown rule "${id}"`);
        if (!['off', 'hint', 'info', 'warning', 'error'].includes(sev)) throw new UsageError(`severity of ${id} must be off, hint, info, warning or error`);
        o.rules[id] = sev as SeveritySetting;
        break;
      }
      case '--fix':
        o.fix = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        o.paths.push(argv[i]);
    }
  }
  if (!o.paths.length) throw new UsageError('no PATH given');
  return o;
}

function configError(loaded: LoadedConfig): string {
  const p = loaded.problems[0];
  const pos = new LineIndex(loaded.text).positionAt(p.start);
  return `${loaded.path}:${pos.line + 1}:${pos.character + 1}: ${p.message}`;
}

export async function main(argv: string[]): Promise<number> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`clinical-lint: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (opts === 'list-rules') {
    for (const r of RULES) process.stdout.write(`${r.meta.id.padEnd(22)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}\n`);
    return 0;
  }
  const o = opts;
  let explicitConfig: LoadedConfig | undefined;
  if (o.config) {
    if (!fs.existsSync(o.config)) {
      process.stderr.write(`clinical-lint: configuration file ${o.config} does not exist\n`);
      return 2;
    }
    explicitConfig = loadConfigFile(path.resolve(o.config));
    if (explicitConfig.problems.length) {
      process.stderr.write(`clinical-lint: invalid configuration: ${configError(explicitConfig)}\n`);
      return 2;
    }
  }
  const flags = (c: LintConfig): LintConfig => ({
    ...c,
    jurisdiction: o.jurisdiction ?? c.jurisdiction,
    citationScope: o.citationScope ?? c.citationScope,
    rules: { ...c.rules, ...o.rules },
  });
  const cwdConfig = explicitConfig ?? loadConfigFor(path.join(process.cwd(), 'x'));
  const { targets, missing } = await expandTargets(o.paths, cwdConfig?.settings.ignore ?? []);
  if (missing.length) {
    process.stderr.write(`clinical-lint: no such file or no match: ${missing.join(', ')}\n`);
    return 2;
  }
  const reports: FileReport[] = [];
  let hasError = false;
  for (const t of targets) {
    const loaded = explicitConfig ?? loadConfigFor(path.resolve(t.path));
    if (loaded?.problems.length) {
      process.stderr.write(`clinical-lint: invalid configuration: ${configError(loaded)}\n`);
      return 2;
    }
    const config = flags(mergeConfig(defaultConfig(), loaded?.settings));
    const read = readArticle(t.path);
    if ('skipped' in read) {
      reports.push({ path: t.path, diagnostics: [], skipped: read.skipped });
      continue;
    }
    const kind = kindOfPath(t.path);
    let text = read.text;
    // Bibliographies named in front matter (Pandoc citations), relative to the file's folder.
    const bibliography = bibliographyLoaderFor(path.resolve(t.path));
    let result = lint(text, { kind, config, bibliography });
    if (!t.explicit && kind === 'plaintext' && !result.article.references && result.article.markers.length < 2) continue;
    if (o.fix) {
      let fixed = 0;
      for (let pass = 0; pass < 5; pass++) {
        const edits = safeEdits(result.findings.flatMap((f) => f.fixes ?? []));
        if (!edits.length) break;
        text = applyEdits(text, edits);
        fixed += edits.length;
        result = lint(text, { kind, config, bibliography });
      }
      if (fixed) {
        fs.writeFileSync(t.path, text);
        process.stderr.write(`clinical-lint: ${t.path}: applied ${fixed} fix${fixed === 1 ? '' : 'es'}\n`);
      }
    }
    const index = new LineIndex(text);
    const diagnostics = result.findings.map((f) => toPlainDiagnostic(index, f));
    if (result.findings.some((f) => f.severity === 'error')) hasError = true;
    reports.push({ path: t.path, diagnostics });
  }
  const out = o.format === 'json' ? json(reports) : o.format === 'sarif' ? sarif(reports, VERSION) : stylish(reports, !!process.stdout.isTTY && !process.env.NO_COLOR);
  await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
  return hasError ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`clinical-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
