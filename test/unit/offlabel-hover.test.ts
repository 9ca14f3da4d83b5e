import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article/parse';
import { drugHover } from '../../server/src/core/features/drugHover';
import { hover } from '../../server/src/core/features/hover';
import { config, fixture } from './offlabel-helpers';

describe('drug hover', () => {
  const text = fixture('sample.txt');
  const article = parseArticle(text, 'plaintext');
  const at = (s: string, d = 2) => text.indexOf(s) + d;

  it('on "Racemic ketamine": status in Canada (default), sources, verification, other jurisdictions', () => {
    const h = drugHover(article, at('Racemic ketamine'), config('CA'));
    assert.ok(h);
    assert.equal(text.slice(h.span.start, h.span.end), 'Racemic ketamine');
    const md = h.markdown;
    assert.match(md, /\*\*Canada \(CA\)\*\* — default jurisdiction/);
    assert.match(md, /Approved for:\n\n- general anaesthesia, by intravenous or intramuscular injection; routes: intravenous, intramuscular\n\nRecorded from the source below\./);
    assert.match(md, /Source: Health Canada Drug Product Database/);
    assert.match(md, /\*\*US\*\*: approved for anaesthesia.*FDA label \(DailyMed\): Ketalar/);
    assert.match(md, /\*\*UK\*\*: approval data missing/);
    assert.match(md, /\*\*AU\*\*: approval data missing/);
    assert.match(md, /Common off-label uses in Canada and the US: .*treatment-resistant depression/);
    assert.match(md, /Sanacora/);
  });

  it('shows the active jurisdiction first and says where it comes from', () => {
    const us = drugHover(article, at('Ketamine has emerged'), config('US'))!;
    assert.match(us.markdown, /\*\*The United States \(US\)\*\*/);
    assert.match(us.markdown, /jurisdiction from the settings \(the default is CA\)/);
    const uk = drugHover(article, at('Ketamine has emerged'), config('UK'))!;
    assert.match(uk.markdown, /No approval data for the United Kingdom yet/);
    const fm = parseArticle('---\njurisdiction: US\n---\nSpravato is a nasal spray.\n', 'markdown');
    const h = drugHover(fm, fm.text.indexOf('Spravato') + 1, config('US'))!;
    assert.match(h.markdown, /set by this document's front matter/);
    assert.match(h.markdown, /_not yet checked_/, 'the unverified US indication is marked');
    assert.match(h.markdown, /\*\*Not yet checked\*\* against the source below/);
  });

  it('is nothing on words that are not drugs, and is served by the hover feature', () => {
    assert.equal(drugHover(article, at('neurotransmitter'), config('CA')), undefined);
    const h = hover(article, at('Ketamine works'), config('CA'));
    assert.ok(h && /ketamine \(racemic\)/.test(h.markdown));
  });
});
