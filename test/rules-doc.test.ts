/** docs/RULES.md is generated from the rule packs, never written by hand, and lists every rule. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCampaigns } from '../src/index.js';
import { rulesMarkdown } from '../src/rules/rules-doc.js';

const doc = readFileSync(new URL('../docs/RULES.md', import.meta.url), 'utf8');

describe('docs/RULES.md', () => {
  it('is what `npm run rules-doc` generates from campaigns/ (regenerate it after changing a rule pack)', () => {
    expect(doc).toBe(rulesMarkdown());
  });

  it('lists every rule, quota and dossier component with its citation', () => {
    for (const c of listCampaigns()) {
      for (const r of c.quyTac) expect(doc).toMatch(new RegExp(`\\| \`${r.ma.replace(/\./g, '\\.')}\` \\|.*\\| ${r.canCu.vanBan}`));
      for (const q of c.chiTieu) expect(doc).toContain(`\`${q.ma}\``);
      for (const s of c.hoSo) for (const t of s.thanhPhan) expect(doc).toContain(`\`${t.ma}\``);
      expect(doc).toContain(`## ${c.ten}`);
    }
  });
});
