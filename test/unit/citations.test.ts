import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkFixture, fixturesIn, loadFixture } from '../support/expectations';

const DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'citations');

describe('citation rules on fixture articles', () => {
  for (const file of fixturesIn(DIR)) {
    it(path.basename(file), () => {
      const fx = loadFixture(file);
      assert.ok(fx.expectations.length > 0, 'a fixture must expect something');
      const { problems } = checkFixture(fx);
      assert.deepEqual(problems, []);
    });
  }
});
