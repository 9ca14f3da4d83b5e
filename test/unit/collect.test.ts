import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { lint } from '../../server/src/core/lint';
import { COLLECT_AFTER, lintFindings } from '../../server/src/cli/workers';
import { defaultConfig } from '../../server/src/core/config';
import { collectGarbage } from '../../server/src/node/collect';

describe('garbage collection after a large file (CLI)', () => {
  it('collects what nothing holds, and leaves the collector exposed only as it found it', async () => {
    const before = vm.runInNewContext('typeof gc');
    let ref: WeakRef<object> | undefined;
    (() => {
      ref = new WeakRef({ big: new Array(1000).fill(0) });
    })();
    // A WeakRef's target is kept to the end of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(collectGarbage(), true);
    assert.equal(ref!.deref(), undefined);
    assert.equal(vm.runInNewContext('typeof gc'), before);
  });

  it('gives a large file the findings of an in-process lint', () => {
    const paragraph = 'Ketamine works within hours in treatment-resistant depression, and a study found a 70% response rate.\n\n';
    const text = `# Ketamine\n\n${paragraph.repeat(Math.ceil(COLLECT_AFTER / paragraph.length) + 1)}## References\n\n1. Sanacora G, Frye MA. A consensus statement on the use of ketamine. JAMA Psychiatry. 2017;74(4):399-405.\n`;
    assert.ok(text.length > COLLECT_AFTER);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinical-lint-'));
    const file = path.join(dir, 'large.md');
    fs.writeFileSync(file, text);
    const config = defaultConfig();
    const r = lintFindings({ path: file, text, kind: 'markdown', config, explicit: true });
    assert.ok(r);
    assert.deepEqual(r.findings, lint(text, { kind: 'markdown', config, fixes: false }).findings);
    assert.ok(r.findings.length > 0);
  });
});
