// Mocha reporter: the spec reporter's output, plus a JSON count file for scripts/test.mjs.
// The file path comes from CLINICAL_LINT_RESULTS (one file per mocha run).
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, pending: 0 };
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.pending++);
    runner.once('end', () => {
      const out = process.env.CLINICAL_LINT_RESULTS;
      if (out) {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, JSON.stringify(counts));
      }
    });
  }
}
module.exports = CountReporter;
