/**
 * Planning: header validated like every schema, campaign rules and quotas over the WHOLE list with the
 * findings mapped back to rows, duplicates reported with both rows, every finding at once; decisions
 * laid out per award form (grouped) or per awardee.
 */
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../src/batch/plan.js';
import { bangKhenRows, HEADER_ROW, header, xlsx, type Cell } from './helpers.js';

describe('decisions', () => {
  it('grouped: one decision per award form (and achievement), awardees in list order, collectives first', async () => {
    const r = await planBatch({ list: await xlsx(bangKhenRows()), listName: 'ds.xlsx', header: header('bang-khen'), mode: 'grouped' });
    if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
    const p = r.plan;
    expect(p.campaign).toEqual({ ma: 'cchc-2026-2030', phienBan: expect.any(String), ten: expect.any(String) });
    expect(p.decisions.map((d) => [d.baseName, d.rows, d.collectives, d.persons, d.draft])).toEqual([
      ['quyet-dinh/01-bang-khen-cua-chu-tich-uy-ban-nhan-dan-thanh-pho', [5, 6, 8, 9], 2, 2, true],
      ['quyet-dinh/02-le-phuong-thao', [10], 0, 1, true],
    ]);
    const d = p.decisions[0]!.data;
    expect(d.so).toEqual({ kyHieu: 'QĐ-UBND' }); // a draft: no number
    expect(d.khenThuong.hinhThuc).toBe('Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố');
    expect(d.khenThuong.chienDich).toEqual({ ma: 'cchc-2026-2030', hinhThuc: 'bang-khen-chu-tich', dip: 'hang-nam', nam: 2026 });
    expect(d.trichYeu).toBe(
      'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua “Cải cách hành chính đồng bộ - Chính quyền phục vụ nhân dân” năm 2026',
    );
    expect(d.khenThuong.tapThe!.map((t) => t.ten)).toEqual(['Phòng Cải cách hành chính, Sở Nội vụ', 'Ủy ban nhân dân phường Hoàn Kiếm']);
    // Điều 2 priced by the campaign on 15/12/2026: Bằng khen 7.590.000 đ a collective, 3.800.000 đ a person
    expect(p.awardees.map((a) => a.bonus?.amount)).toEqual([7_590_000, 7_590_000, 3_800_000, 3_800_000, 760_000]); // Giấy khen: 0,3 × 2.530.000 = 759.000 → 760.000
    expect(p.awardees[0]!.bonus!.words).toBe('Bảy triệu năm trăm chín mươi nghìn đồng');
    // criteria without data are reported once, as a warning; the unconfirmed base salary as reviews
    expect(r.findings.find((f) => f.code === 'campaign.criteria-not-checked')).toMatchObject({ severity: 'warning', rows: [5, 6, 8, 9] });
    expect(r.findings.every((f) => f.severity !== 'error')).toBe(true);
  });

  it('per-awardee: one decision per collective or person, numbered from the header’s first number', async () => {
    const h = header('giay-khen');
    const rows: Cell[][] = [
      ['STT', 'Họ và tên', 'Danh xưng', 'Chức vụ', 'Đơn vị công tác'],
      [1, 'Nguyễn Thị Thu Hà', 'Bà', 'Trưởng phòng Cải cách hành chính', 'Sở Nội vụ'],
      [2, 'Trần Đức Minh', 'Ông', null, 'Văn phòng Sở Nội vụ'],
    ];
    const r = await planBatch({ list: await xlsx(rows), header: h, mode: 'per-awardee' });
    if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
    expect(r.plan.decisions.map((d) => [d.data.so.so, d.baseName, d.label, d.draft])).toEqual([
      [215, 'quyet-dinh/0001-nguyen-thi-thu-ha', '1. Bà Nguyễn Thị Thu Hà (số 215/QĐ-SNV)', false],
      [216, 'quyet-dinh/0002-tran-duc-minh', '2. Ông Trần Đức Minh (số 216/QĐ-SNV)', false],
    ]);
    expect(r.plan.decisions.map((d) => d.data.trichYeu)).toEqual([
      'Về việc tặng Giấy khen của Giám đốc Sở Nội vụ cho bà Nguyễn Thị Thu Hà, trưởng phòng Cải cách hành chính, Sở Nội vụ',
      'Về việc tặng Giấy khen của Giám đốc Sở Nội vụ cho ông Trần Đức Minh, Văn phòng Sở Nội vụ',
    ]);
    expect(r.plan.decisions[0]!.data.khenThuong).toEqual({
      hinhThuc: 'Giấy khen của Giám đốc Sở Nội vụ',
      thanhTich: 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2026',
      caNhan: [{ danhXung: 'Bà', hoTen: 'Nguyễn Thị Thu Hà', chucVu: 'Trưởng phòng Cải cách hành chính', donVi: 'Sở Nội vụ' }],
    });
  });
});

describe('refusals carry every finding, by row', () => {
  it('over the quota across the whole list: the rows past it are named (rules over the set, not per decision)', async () => {
    const rows: Cell[][] = [
      ['Tên tập thể', 'Hình thức khen thưởng'],
      ...Array.from({ length: 22 }, (_, i) => [`Ủy ban nhân dân phường số ${i + 1}`, 'bang-khen-chu-tich']),
    ];
    // per-awardee: each decision alone is within the quota; the list is not
    const r = await planBatch({ list: await xlsx(rows), header: header('bang-khen'), mode: 'per-awardee' });
    expect(r.ok).toBe(false);
    const over = r.findings.filter((f) => f.code === 'kh77.iv1.bang-khen-chu-tich.tap-the');
    expect(over.map((f) => f.row)).toEqual([22, 23]);
    expect(over[0]!.message).toBe(
      'Dòng 22: Vượt chỉ tiêu: Bằng khen của Chủ tịch UBND Thành phố mỗi đợt (hằng năm, sơ kết, tổng kết): tối đa không quá 20 tập thể. Danh sách có 22; Ủy ban nhân dân phường số 21 là trường hợp thứ 21.',
    );
    expect(over[0]!.citation).toBe('Kế hoạch 77/KH-UBND, mục IV.1.b, c, d');
  });

  it('duplicates (NFC, case, spaces) name both rows; a same name in another unit is another person', async () => {
    const rows: Cell[][] = [
      HEADER_ROW,
      [1, 'Nguyễn Thị Thu Hà', 'Bà', 'Trưởng phòng', 'Sở Nội vụ', 'Giấy khen'],
      [2, 'Nguyễn Thị Thu Hà', 'Bà', 'Chuyên viên', 'Sở Tư pháp', 'Giấy khen'],
      [3, ' NGUYỄN  THỊ THU HÀ '.normalize('NFD'), 'Bà', 'Trưởng phòng', 'sở nội vụ', 'Giấy khen'],
      [4, 'Phòng Cải cách hành chính, Sở Nội vụ', null, null, null, 'Giấy khen'],
      [5, 'phòng cải cách hành chính, sở nội vụ', null, null, null, 'Giấy khen'],
    ];
    const r = await planBatch({ list: await xlsx(rows), header: header('bang-khen'), mode: 'grouped' });
    expect(r.ok).toBe(false);
    const dups = r.findings.filter((f) => f.code === 'batch.duplicate');
    expect(dups.map((f) => [f.row, f.rows])).toEqual([
      [4, [2, 4]],
      [6, [5, 6]],
    ]);
    expect(dups[0]!.message).toBe('Dòng 4: trùng với dòng 2: cùng cá nhân NGUYỄN THỊ THU HÀ (sở nội vụ).');
  });

  it('reports header, cell, form and rule problems together', async () => {
    const h = header('bang-khen');
    (h.coQuan as Record<string, unknown>).ten = '';
    const rows: Cell[][] = [
      ['STT', 'Tên tập thể', 'Khối', 'Hình thức khen thưởng'],
      [1, 'Phòng Cải cách hành chính, Sở Nội vụ', 'Khối sở, ban, ngành Thành phố', 'Cờ thi đua của UBND Thành phố'],
      [2, null, 'xa-phuong', 'Bằng khen của Chủ tịch UBND Thành phố'],
      [3, 'Ủy ban nhân dân phường Cầu Giấy', 'khối quận', 'Bằng khen của Chủ tịch UBND Thành phố'],
      [4, 'Ủy ban nhân dân phường Ba Đình', null, 'Huân chương Lao động'],
    ];
    const r = await planBatch({ list: await xlsx(rows), header: h, mode: 'grouped' });
    expect(r.ok).toBe(false);
    // the header is checked by its schema; the list is then not looked at further without a valid header
    expect(r.findings[0]!.path).toBe('/phanChung/coQuan/ten');
    expect(r.findings[0]!.message).toMatch(/^Phần chung: /);
    (h.coQuan as Record<string, unknown>).ten = 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI';
    const all = await planBatch({ list: await xlsx(rows), header: h, mode: 'grouped' });
    expect(all.ok).toBe(false);
    const msgs = all.findings.filter((f) => f.severity === 'error').map((f) => f.message);
    expect(msgs).toEqual([
      "Dòng 2, cột 'Hình thức khen thưởng': Cờ thi đua của Ủy ban nhân dân Thành phố không được xét trong dịp khen thưởng hằng năm; chỉ xét trong: khen thưởng tổng kết phong trào thi đua.",
      "Dòng 3, cột 'Tên tập thể': bỏ trống.",
      expect.stringMatching(/^Dòng 4, cột 'Khối': "khối quận" không phải khối của phong trào cchc-2026-2030; các khối: Khối xã, phường \(xa-phuong\)/),
      expect.stringMatching(/^Dòng 5, cột 'Hình thức khen thưởng': "Huân chương Lao động" không có trong phong trào cchc-2026-2030; các hình thức: /),
    ]);
  });

  it('refuses an unknown mode and a header that is not what the schema says', async () => {
    const h = header('giay-khen');
    delete h.thiHanh;
    (h.so as Record<string, unknown>).soBatDau = 0;
    const r = await planBatch({ list: await xlsx(bangKhenRows()), header: h, mode: 'mot-lan' });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.path)).toEqual(['/cheDo', '/phanChung/so/soBatDau', '/phanChung/thiHanh']);
    expect(r.findings[2]!.message).toContain("'Các cơ quan thi hành'");
  });
});
