/**
 * Every campaign in campaigns/ has a RuleTester table for each rule id (quyTac), each quota
 * (chiTieu) and each form-level check, with enough valid and invalid cases; and each table really
 * tests its rule: with the rule removed from the campaign (or the form opened up), every invalid case
 * of the table fails. Together: removing a rule from the JSON fails its invalid cases, removing its
 * table fails this file.
 */
import { describe, expect, it } from 'vitest';
import { listCampaigns } from '../../src/rules/campaigns.js';
import type { Campaign, SubjectType } from '../../src/rules/types.js';
import { CASES } from './cases/index.js';
import {
  belongsTo,
  caNhan,
  caseProblems,
  complete,
  countsOf,
  coverageProblems,
  formCodes,
  loadCampaign,
  PHUONG_XA,
  requiredTables,
  runCase,
  take,
  xaPhuong,
  type Case,
  type Tables,
} from './rule-tester.js';

const ALL_SUBJECTS: SubjectType[] = ['tap-the', 'ca-nhan', 'ho-gia-dinh'];

/** The campaign as it would be without the thing a table tests. */
function without(c: Campaign, id: string): Campaign {
  const f = formCodes(c.ma);
  if (id === f.doiTuong) return { ...c, hinhThuc: c.hinhThuc.map((h) => ({ ...h, doiTuong: [...ALL_SUBJECTS] })) };
  if (id === f.khoi) return { ...c, hinhThuc: c.hinhThuc.map(({ khoi: _khoi, ...h }) => h) };
  if (id === f.dip) return { ...c, hinhThuc: c.hinhThuc.map((h) => ({ ...h, dip: c.dip.map((d) => d.ma) })) };
  return { ...c, quyTac: c.quyTac.filter((r) => r.ma !== id), chiTieu: c.chiTieu.filter((q) => q.ma !== id) };
}

const campaigns = listCampaigns();

describe('mọi phong trào trong campaigns/ đều có bảng kiểm thử', () => {
  it('có ít nhất hai phong trào, mỗi phong trào một mô-đun ca kiểm thử', () => {
    expect(campaigns.map((c) => c.ma).sort()).toEqual(expect.arrayContaining(['cchc-2026-2030', 'so-noi-vu-cchc-2026']));
    for (const c of campaigns) expect(Object.keys(CASES), `test/rules/cases/${c.ma}.ts`).toContain(c.ma);
    for (const id of Object.keys(CASES)) expect(campaigns.map((c) => c.ma), `phong trào ${id} của mô-đun ca kiểm thử`).toContain(id);
  });

  for (const c of campaigns) {
    describe(c.ma, () => {
      const all: Record<string, Tables> = CASES[c.ma] ?? {};

      it('mỗi quy tắc, chỉ tiêu, kiểm tra hình thức có ≥ 2 ca hợp lệ và ≥ 2 ca không hợp lệ; không có bảng thừa', () => {
        expect(coverageProblems(c, countsOf(all))).toEqual([]);
      });

      for (const r of requiredTables(c)) {
        const table = all[r.id];
        if (!table || table.invalid.length === 0) continue;
        it(`${r.id}: bỏ ${r.kind === 'hinhThuc' ? 'kiểm tra' : r.kind === 'quyTac' ? 'quy tắc' : 'chỉ tiêu'} này thì mọi ca không hợp lệ đều trượt`, () => {
          const mutated = without(c, r.id);
          for (const x of table.invalid) {
            expect(caseProblems(mutated, r.id, x, x.errors), x.name).not.toEqual([]);
          }
        });
      }
    });
  }
});

describe('complete(): đối tượng đạt mọi tiêu chuẩn Bằng khen của Chủ tịch (cchc-2026-2030)', () => {
  const c = loadCampaign('cchc-2026-2030');
  const form = c.hinhThuc.find((h) => h.ma === 'bang-khen-chu-tich');
  const ruleIds = c.quyTac.map((r) => r.ma);
  const variants = [
    complete(),
    complete({ ten: 'Sở Tư pháp', khoi: 'so-nganh', loaiDonVi: 'so-ban-nganh' }),
    complete({ ten: 'Trung tâm Phục vụ hành chính công Thành phố', khoi: 'so-nganh', loaiDonVi: 'don-vi-su-nghiep' }),
    complete({ ten: 'Cục Thuế thành phố Hà Nội', khoi: 'so-nganh', loaiDonVi: 'co-quan-nganh-doc-tw', duLieu: { thuocTrungUong: true } }),
    complete({ ten: 'Văn phòng HĐND và UBND phường Hoàn Kiếm', loaiDonVi: 'tap-the-tham-muu-cchc' }),
    complete({ ten: 'Phòng Cải cách hành chính, Sở Nội vụ', khoi: 'so-nganh', loaiDonVi: 'tap-the-chuyen-trach-cchc' }),
    caNhan('Bà Nguyễn Thị Thu Hà'),
  ];

  it('Bằng khen của Chủ tịch được xét trong cả bốn dịp', () => {
    expect(form?.dip).toEqual(['dot-xuat', 'hang-nam', 'so-ket', 'tong-ket']);
  });

  for (const dip of form?.dip ?? []) {
    it(`dịp ${dip}: không có phát hiện nào của quy tắc hay về dữ liệu`, () => {
      const findings = runCase(c, { name: dip, hinhThuc: 'bang-khen-chu-tich', dip, nominees: variants });
      expect(findings.filter((f) => ruleIds.some((id) => belongsTo(f, id)) || f.code.startsWith('campaign.'))).toEqual([]);
    });
  }

  it('undefined trong bản vá xóa trường (ở mức đầu và trong duLieu)', () => {
    const n = complete({ khoi: undefined, duLieu: { sipas: undefined } });
    expect('khoi' in n).toBe(false);
    expect(n.duLieu && 'sipas' in n.duLieu).toBe(false);
    expect(n.duLieu?.chiSoCCHC).toBe(91.2);
  });
});

describe('rule-tester tự phát hiện ca kiểm thử sai', () => {
  const c = loadCampaign('cchc-2026-2030');
  const id = 'kh77.iv1.bang-khen-chu-tich.tap-the';
  const over: Case = { name: '21 tập thể', hinhThuc: 'bang-khen-chu-tich', dip: 'hang-nam', nominees: take(PHUONG_XA, 21).map((t) => xaPhuong(t)) };
  const right = [{ code: id, severity: 'error' as const, path: '/doiTuong/20', messageIncludes: 'thứ 21' }];

  it('đúng thì không có vấn đề', () => {
    expect(caseProblems(c, id, over, right)).toEqual([]);
  });
  it('sai đường dẫn, mức độ, nội dung thông báo, số lượng, mã', () => {
    expect(caseProblems(c, id, over, [{ ...right[0]!, path: '/doiTuong/19' }])).toHaveLength(1);
    expect(caseProblems(c, id, over, [{ ...right[0]!, severity: 'warning' }])).toHaveLength(1);
    expect(caseProblems(c, id, over, [{ ...right[0]!, messageIncludes: 'thứ 22' }])).toHaveLength(1);
    expect(caseProblems(c, id, over, [...right, ...right]).join('\n')).toMatch(/chờ 2 phát hiện/);
    expect(caseProblems(c, id, over, [{ ...right[0]!, code: 'kh77.iv1.bang-khen-chu-tich.ca-nhan' }]).length).toBeGreaterThan(0);
  });
  it('ca hợp lệ mà quy tắc vẫn báo', () => {
    expect(caseProblems(c, id, over)).toHaveLength(1);
  });
  it('dữ liệu ca kiểm thử sai tên trường thì bị chỉ ra, không âm thầm thành “thiếu dữ liệu”', () => {
    const typo: Case = { name: 'sai tên trường', hinhThuc: 'bang-khen-chu-tich', dip: 'hang-nam', nominees: [complete({ duLieu: { sipas: undefined, SIPAS: 88 } })] };
    const problems = caseProblems(c, 'kh77.iv2a.chi-so-cchc-sipas', typo, [{ code: 'kh77.iv2a.chi-so-cchc-sipas.thieu-du-lieu' }]);
    expect(problems.join('\n')).toMatch(/dữ liệu của ca kiểm thử sai: campaign\.nominee-data/);
  });
});
