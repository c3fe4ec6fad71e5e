/**
 * validateCampaign: every rule pack in campaigns/ passes with no finding; a broken copy (unknown
 * occasion in a form, a rule reading an undeclared /duLieu field, a review rule without xacNhan, a
 * Handlebars syntax error in thongBao, a duplicate rule id) gives one `campaign.reference` finding
 * each, in Vietnamese, pointing at the broken place.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAMPAIGNS_DIR } from '../../src/paths.js';
import { CampaignError, loadCampaigns, validateCampaign } from '../../src/rules/campaigns.js';
import type { Campaign, Rule } from '../../src/rules/types.js';
import { isVietnamese } from './rule-tester.js';

const files = readdirSync(CAMPAIGNS_DIR).filter((f) => f.endsWith('.json')).sort();
const read = (file: string): Campaign => JSON.parse(readFileSync(join(CAMPAIGNS_DIR, file), 'utf8')) as Campaign;

interface Breakage {
  name: string;
  /** Breaks a deep copy in place; returns the pointer the finding must name and a text it must contain. */
  apply: (c: Campaign) => { path: string; text: string };
}

const indexOf = (c: Campaign, pred: (r: Rule) => boolean, what: string): number => {
  const i = c.quyTac.findIndex(pred);
  if (i < 0) throw new Error(`Phong trào ${c.ma} không có ${what} để làm hỏng.`);
  return i;
};

const BREAKAGES: Breakage[] = [
  {
    name: 'hình thức dùng dịp chưa khai báo',
    apply: (c) => {
      c.hinhThuc[0]!.dip.push('le-ky-niem');
      return { path: '/hinhThuc/0/dip', text: 'dùng dịp "le-ky-niem" chưa khai báo' };
    },
  },
  {
    name: 'quy tắc đọc trường /duLieu chưa khai báo trong truongDuLieu',
    apply: (c) => {
      const i = indexOf(c, (r) => r.mucDo !== 'review', 'quy tắc mức error/warning');
      const r = c.quyTac[i]!;
      r.dieuKien = { tatCa: [r.dieuKien, { truong: '/duLieu/chiSoPAPI', phep: '>=', giaTri: 42.5 }] };
      return { path: `/quyTac/${i}/dieuKien`, text: '/duLieu/chiSoPAPI nhưng trường này không khai báo trong truongDuLieu' };
    },
  },
  {
    name: 'quy tắc mức review không nêu xacNhan',
    apply: (c) => {
      const i = indexOf(c, (r) => r.mucDo === 'review', 'quy tắc mức review');
      delete c.quyTac[i]!.xacNhan;
      return { path: `/quyTac/${i}`, text: 'mức review phải nêu nội dung xác nhận (xacNhan)' };
    },
  },
  {
    name: 'thongBao có lỗi cú pháp Handlebars',
    apply: (c) => {
      c.quyTac[0]!.thongBao = '{{ten} chưa có xác nhận gương mẫu chấp hành.';
      return { path: '/quyTac/0/thongBao', text: 'không hợp lệ' };
    },
  },
  {
    name: 'trùng mã quy tắc',
    apply: (c) => {
      const first = c.quyTac[0]!.ma;
      c.quyTac[1]!.ma = first;
      return { path: '/quyTac/1/ma', text: `Mã "${first}" bị trùng` };
    },
  },
];

describe('validateCampaign', () => {
  it('campaigns/ có các bộ quy tắc cần kiểm tra', () => {
    expect(files).toEqual(expect.arrayContaining(['cchc-2026-2030.json', 'so-noi-vu-cchc-2026.json']));
  });

  for (const file of files) {
    describe(file, () => {
      it('không có phát hiện nào', () => {
        expect(validateCampaign(read(file), `campaigns/${file}`)).toEqual([]);
      });

      for (const b of BREAKAGES) {
        it(`bản hỏng: ${b.name} → đúng một campaign.reference, tiếng Việt`, () => {
          const broken = structuredClone(read(file));
          const { path, text } = b.apply(broken);
          const findings = validateCampaign(broken, `campaigns/${file}`);
          expect(findings).toHaveLength(1);
          const f = findings[0]!;
          expect(f.code).toBe('campaign.reference');
          expect(f.severity).toBe('error');
          expect(f.path).toBe(`campaigns/${file}#${path}`);
          expect(f.message).toContain(text);
          expect(isVietnamese(f.message)).toBe(true);
        });
      }

      it('bản hỏng cả năm chỗ → năm phát hiện; loadCampaigns dừng với đủ năm', () => {
        const broken = structuredClone(read(file));
        const paths = BREAKAGES.map((b) => b.apply(broken).path);
        const findings = validateCampaign(broken, `campaigns/${file}`);
        expect(findings.map((f) => f.code)).toEqual(paths.map(() => 'campaign.reference'));
        expect(findings.map((f) => f.path.split('#')[1]).sort()).toEqual([...paths].sort());

        const dir = mkdtempSync(join(tmpdir(), 'vanban-campaign-'));
        try {
          writeFileSync(join(dir, file), JSON.stringify(broken));
          let error: unknown;
          try {
            loadCampaigns(dir);
          } catch (err) {
            error = err;
          }
          expect(error).toBeInstanceOf(CampaignError);
          expect((error as CampaignError).findings).toHaveLength(BREAKAGES.length);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  }
});
