import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeTypography from '../src/render/typography.js';

/** Invisible characters made visible: ⍽ narrow no-break space, ~ no-break space, | soft hyphen. */
function visible(html: string): string {
  return html.replace(/\u202F/g, '⍽').replace(/\u00A0/g, '~').replace(/\u00AD/g, '|');
}

function html(markdown: string, lang = 'fr', passes = 1): string {
  const processor = unified().use(remarkParse).use(remarkRehype);
  for (let i = 0; i < passes; i++) processor.use(rehypeTypography, { lang });
  return visible(String(processor.use(rehypeStringify).processSync(markdown))).trim();
}

function hast(tree: Root, lang = 'fr'): string {
  rehypeTypography({ lang })(tree);
  return visible(unified().use(rehypeStringify).stringify(tree));
}

describe('French spacing', () => {
  it('makes the space before a colon narrow and unbreakable, across inline elements', () => {
    expect(html('* **Besoins** : détecter les fraudes carte en **quasi temps réel** (<2 s du swipe).')).toBe(
      '<ul>\n<li><strong>Be|soins</strong>⍽: dé|tec|ter les fraudes carte en <strong>quasi temps réel</strong> (&#x3C;2~s du swipe).</li>\n</ul>',
    );
  });

  it('replaces a no-break space before a colon, and a line break (no line starts with a colon)', () => {
    expect(html('Note\u00A0: oui')).toBe('<p>Note⍽: oui</p>');
    expect(html('Contraintes\n: exactly-once')).toBe('<p>Contraintes⍽: exactly-once</p>');
  });

  it('never inserts a space before a colon', () => {
    expect(html('Voir https://x.y à 10:30 (topics: tx_raw).')).toBe('<p>Voir https://x.y à 10:30 (topics: tx_raw).</p>');
    expect(html('<https://x.y/a?b=c>')).toBe('<p><a href="https://x.y/a?b=c">https://x.y/a?b=c</a></p>');
  });

  it('inserts or narrows the space before ; ! ?, but not inside tokens nor between two signs', () => {
    expect(html('Pourquoi? Voilà! Ensuite; fin ; Quoi ?! page?q=1 x;y')).toBe(
      '<p>Pour|quoi⍽? Voilà⍽! En|suite⍽; fin⍽; Quoi⍽?! page?q=1 x;y</p>',
    );
  });

  it('puts narrow no-break spaces inside guillemets, typed or made from straight quotes', () => {
    expect(html('« texte »')).toBe('<p>«⍽texte⍽»</p>');
    expect(html('«texte»')).toBe('<p>«⍽texte⍽»</p>');
    expect(html('"texte" et " texte "')).toBe('<p>«⍽texte⍽» et «⍽texte⍽»</p>');
    expect(html('Il dit "**oui**"!')).toBe('<p>Il dit «⍽<strong>oui</strong>⍽»⍽!</p>');
  });

  it('leaves an odd number of straight quotes alone (inches, typos)', () => {
    expect(html('Écran 12" ici')).toBe('<p>Écran 12" ici</p>');
  });
});

describe('numbers and units', () => {
  it('keeps a number with its unit and a comparison with its number', () => {
    expect(html('Latence E2E **≤ 1.5 s** (buffer 500 ms pour scoring).')).toBe(
      '<p>La|tence E2E <strong>≤~1.5~s</strong> (buffer 500~ms pour sco|ring).</p>',
    );
    expect(html('Pic 20k msg/s, 99.9 %, fraîcheur < 5 min, historique 3 ans.')).toBe(
      '<p>Pic 20k~msg/s, 99.9~%, fraî|cheur &#x3C;~5~min, his|to|rique 3~ans.</p>',
    );
  });

  it('leaves identifiers with digits alone', () => {
    expect(html('E2E J+1 v1.2 s3 10:30 ok')).toBe('<p>E2E J+1 v1.2 s3 10:30 ok</p>');
  });
});

describe('apostrophes', () => {
  it('curls an apostrophe between letters only', () => {
    expect(html("l'audit d'aujourd'hui, 'cité'")).toBe("<p>l’audit d’au|jourd’hui, 'cité'</p>");
  });
});

describe('hyphenation', () => {
  it('puts soft hyphens in long French words', () => {
    expect(html("L'anonymisation avant l'industrialisation.")).toBe(
      '<p>L’ano|ny|mi|sa|tion avant l’in|dus|tria|li|sa|tion.</p>',
    );
  });

  it('leaves at least three letters on the next line, and short words whole', () => {
    expect(html('traçabilité des fraudes')).toBe('<p>tra|ça|bi|lité des fraudes</p>');
  });

  it('never hyphenates identifiers, URLs, e-mails, file names or camel case', () => {
    const text = 'MLflow BigQuery GraphQL dbt RGPD tx_raw fraud_decisions Lake/Lakehouse/DW a@orga.fr schema.avsc https://exemple.fr/anonymisation';
    expect(html(text)).toBe(`<p>${text}</p>`);
  });

  it('uses English patterns for English, and none for a language it has no patterns for', () => {
    expect(html('industrialization', 'en')).toBe('<p>in|dus|tri|al|iza|tion</p>');
    expect(html('Industrialisierung', 'de')).toBe('<p>Industrialisierung</p>');
  });
});

describe('English', () => {
  it('adds no space before colons and signs, and curls quotes the English way', () => {
    expect(html('Needs: detect "fraud" now! Note : kept; done?', 'en')).toBe(
      '<p>Needs: detect “fraud” now! Note : kept; done?</p>',
    );
  });
});

describe('what is left alone', () => {
  it('leaves code, preformatted text and .no-typography elements untouched', () => {
    expect(html('Voir `topics : tx_raw ; "a" l\'anonymisation` !')).toBe(
      '<p>Voir <code>topics : tx_raw ; "a" l\'anonymisation</code>⍽!</p>',
    );
    expect(html('```\nBesoins : "anonymisation" ; 2 s\n```')).toBe(
      '<pre><code>Besoins : "anonymisation" ; 2 s\n</code></pre>',
    );
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [
            { type: 'text', value: 'Besoins : ' },
            { type: 'element', tagName: 'span', properties: { className: ['no-typography'] }, children: [{ type: 'text', value: 'anonymisation : "x"' }] },
          ],
        },
      ],
    };
    expect(hast(tree)).toBe('<p>Be|soins⍽: <span class="no-typography">anonymisation : "x"</span></p>');
  });
});

describe('idempotence', () => {
  it('gives the same result when run twice', () => {
    const markdown = [
      '## Énoncé',
      '',
      "* **Contraintes** : **exactly-once** sur décisions, **traçabilité** (qui a décidé/quel modèle), 99.9% disponibilité.",
      '* **Attendus** : « schéma cible », "budget de latence" ; pourquoi? l\'industrialisation!',
      '',
      '| KPI | Cible |',
      '| --- | --- |',
      '| Latence | ≤ 1.5 s |',
    ].join('\n');
    const once = html(markdown);
    expect(once).toContain('l’in|dus|tria|li|sa|tion⍽!');
    expect(html(markdown, 'fr', 2)).toBe(once);
    expect(html(markdown, 'en', 2)).toBe(html(markdown, 'en'));
  });
});
