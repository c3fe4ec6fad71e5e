/**
 * Blocking: a document that names a campaign is checked against its rule pack before rendering; an
 * `error` finding stops it with every finding listed; warnings and reviews come back with the document.
 */
import { describe, expect, it } from 'vitest';
import { check, render } from '../src/index.js';
import { readDocx } from './helpers/docx.js';
import { clone, fixture } from './helpers/fixtures.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const k77 = () => clone(fixture('quyet-dinh-khen-thuong', 'bang-khen-ke-hoach-77')) as any;

describe('decision under Kế hoạch 77', () => {
  it('renders when every criterion and quota holds, with the campaign phrase and the bonus in Điều 2', () => {
    const r = render('quyet-dinh-khen-thuong', k77());
    if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
    const text = readDocx(r.docx).text;
    expect(text).toContain('đã có thành tích xuất sắc trong phong trào thi đua “Cải cách hành chính đồng bộ - Chính quyền phục vụ nhân dân” năm 2026 (có danh sách kèm theo)');
    // 15/12/2026: base salary 2.530.000 đ; collective 3,0 × = 7.590.000; person 1,5 × = 3.795.000 → 3.800.000.
    expect(text).toContain('7.590.000 đồng (Bằng chữ: Bảy triệu năm trăm chín mươi nghìn đồng) cho mỗi tập thể');
    expect(text).toContain('3.800.000 đồng (Bằng chữ: Ba triệu tám trăm nghìn đồng) cho mỗi cá nhân');
    expect(text).toContain('tổng cộng 41.770.000 đồng');
    // the unconfirmed base salary and rounding reading are reported, not hidden
    expect(r.findings.map((f) => f.severity)).toEqual(['review', 'review']);
  });

  it('refuses a decision over the quota and names each extra record', () => {
    const d = k77();
    const model = d.khenThuong.tapThe[0];
    d.khenThuong.tapThe = Array.from({ length: 22 }, (_, i) => ({ ...clone(model), ten: `Ủy ban nhân dân phường số ${i + 1}` }));
    const r = render('quyet-dinh-khen-thuong', d);
    expect(r.ok).toBe(false);
    const over = r.findings.filter((f) => f.code === 'kh77.iv1.bang-khen-chu-tich.tap-the');
    expect(over.map((f) => f.path)).toEqual(['/khenThuong/tapThe/20', '/khenThuong/tapThe/21']);
    expect(over[0]!.message).toContain('Ủy ban nhân dân phường số 21 là trường hợp thứ 21');
    expect(over[0]!.citation).toBe('Kế hoạch 77/KH-UBND, mục IV.1.b, c, d');
  });

  it('refuses a nominee without the initiative recognition document, citing mục IV.2.a', () => {
    const d = k77();
    d.khenThuong.caNhan[2].hoSo.minhChung = [];
    const r = check('quyet-dinh-khen-thuong', d);
    expect(r.valid).toBe(false);
    const f = r.findings.find((x) => x.code === 'kh77.iv2a.sang-kien')!;
    expect(f.path).toBe('/khenThuong/caNhan/2/minhChung');
    expect(f.message).toContain('Lê Phương Thảo chưa có văn bản của Hội đồng Sáng kiến');
    expect(f.citation).toBe('Kế hoạch 77/KH-UBND, mục IV.2.a');
  });

  it('reports missing index data as missing, never as not eligible', () => {
    const d = k77();
    delete d.khenThuong.tapThe[0].hoSo.duLieu.sipas;
    const f = check('quyet-dinh-khen-thuong', d).findings.find((x) => x.code.startsWith('kh77.iv2a.chi-so-cchc-sipas'))!;
    expect(f.code).toBe('kh77.iv2a.chi-so-cchc-sipas.thieu-du-lieu');
    expect(f.message).toContain("thiếu 'Chỉ số Hài lòng (SIPAS) năm xét' (/duLieu/sipas)");
  });

  it('asks for a signed confirmation; an unsigned one is refused; a signed one clears it', () => {
    const d = k77();
    d.khenThuong.caNhan[0].hoSo.xacNhan = [];
    const review = check('quyet-dinh-khen-thuong', d).findings.find((x) => x.code === 'kh77.iv2a.guong-mau')!;
    expect(review.severity).toBe('review');
    expect(review.message).toContain('Cần thủ trưởng đơn vị trình khen xác nhận Nguyễn Thị Thu Hà gương mẫu thực hiện tốt chủ trương của Đảng');
    expect(render('quyet-dinh-khen-thuong', d).ok).toBe(true); // a review does not block
    d.khenThuong.caNhan[0].hoSo.xacNhan = [{ ma: 'guong-mau-chap-hanh', nguoiXacNhan: 'Trần Văn Hùng', chucVu: 'Giám đốc Sở Nội vụ' }];
    const unsigned = check('quyet-dinh-khen-thuong', d);
    expect(unsigned.valid).toBe(false);
    expect(unsigned.findings.map((f) => f.path)).toEqual(['/khenThuong/caNhan/0/hoSo/xacNhan/0/ngay']);
    d.khenThuong.caNhan[0].hoSo.xacNhan[0].ngay = '2026-11-20';
    expect(check('quyet-dinh-khen-thuong', d).findings.some((x) => x.code === 'kh77.iv2a.guong-mau')).toBe(false);
  });

  it('refuses Cờ thi đua for a person and a form outside its occasion', () => {
    const d = k77();
    d.khenThuong.chienDich.hinhThuc = 'co-thi-dua-ubnd';
    const r = check('quyet-dinh-khen-thuong', d);
    expect(r.findings.some((f) => f.code === 'cchc-2026-2030.hinh-thuc.dip')).toBe(true);
    d.khenThuong.chienDich.dip = 'tong-ket';
    const codes = check('quyet-dinh-khen-thuong', d).findings.map((f) => `${f.code} ${f.path}`);
    expect(codes).toContain('cchc-2026-2030.hinh-thuc.doi-tuong /khenThuong/caNhan/0');
  });

  it('names an unknown campaign', () => {
    const d = k77();
    d.khenThuong.chienDich.ma = 'cchc-2021-2025';
    const r = render('quyet-dinh-khen-thuong', d);
    expect(r.ok).toBe(false);
    expect(r.findings[0]!.code).toBe('campaign.unknown');
    expect(r.findings[0]!.path).toBe('/khenThuong/chienDich/ma');
  });

  it('needs Điều 2 in a draft without a date (the bonus depends on the decision date)', () => {
    const d = k77();
    delete d.diaDanhNgay.ngay;
    delete d.diaDanhNgay.thang;
    const r = render('quyet-dinh-khen-thuong', d);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual(['quyet-dinh.dieu2-missing']);
  });
});

describe("a department's plan is data, not code (so-noi-vu-cchc-2026)", () => {
  const giayKhen = () => {
    const d = k77();
    d.coQuan = { chuQuan: 'UBND THÀNH PHỐ HÀ NỘI', ten: 'SỞ NỘI VỤ' };
    d.so.kyHieu = 'QĐ-SNV';
    d.thamQuyen = 'GIÁM ĐỐC SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI';
    d.khenThuong.hinhThuc = 'Giấy khen của Giám đốc Sở Nội vụ';
    d.khenThuong.chienDich = { ma: 'so-noi-vu-cchc-2026', hinhThuc: 'giay-khen-giam-doc', dip: 'hang-nam', nam: 2026 };
    d.khenThuong.tapThe = [{ ten: 'Phòng Cải cách hành chính', hoSo: { loaiDonVi: 'phong-chuyen-mon', duLieu: { xepLoai: 'hoan-thanh-xuat-sac', tyLeHoSoTrucTuyen: 72.5 }, xacNhan: [{ ma: 'guong-mau-chap-hanh', nguoiXacNhan: 'Trần Văn Hùng', chucVu: 'Giám đốc Sở Nội vụ', ngay: '2026-12-01' }] } }];
    d.khenThuong.caNhan = d.khenThuong.caNhan.slice(0, 2).map((p: any) => ({ ...p, hoSo: { duLieu: { xepLoai: 'hoan-thanh-tot' }, xacNhan: p.hoSo.xacNhan } }));
    return d;
  };

  it('renders a Giấy khen decision with the department’s wording and money, and its warning', () => {
    const r = render('quyet-dinh-khen-thuong', giayKhen());
    if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
    const text = readDocx(r.docx).text;
    expect(text).toContain('năm 2026 tại Sở Nội vụ');
    // Giấy khen: collective 0,6 × 2.530.000 = 1.518.000 → 1.520.000
    expect(text).toContain('1.520.000 đồng');
    expect(r.findings.find((f) => f.code === 'snv.iii2.tap-the.truc-tuyen')?.severity).toBe('warning');
  });

  it('applies the department’s own criteria and quotas', () => {
    const d = giayKhen();
    d.khenThuong.caNhan[1].hoSo.duLieu.xepLoai = 'hoan-thanh';
    d.khenThuong.caNhan = [...d.khenThuong.caNhan, ...Array.from({ length: 9 }, (_, i) => ({ ...clone(d.khenThuong.caNhan[0]), hoTen: `Nguyễn Văn ${String.fromCharCode(65 + i)}` }))];
    const codes = check('quyet-dinh-khen-thuong', d).findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.path}`);
    expect(codes).toEqual(['snv.iii2.giay-khen.hoan-thanh-tot /khenThuong/caNhan/1/duLieu/xepLoai', 'snv.iii1.giay-khen.ca-nhan /khenThuong/caNhan/10']);
  });
});
