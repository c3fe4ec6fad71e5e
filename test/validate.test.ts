/**
 * Invalid inputs, kind by kind, give the expected Vietnamese messages at the expected JSON pointers,
 * all at once; nothing is rendered.
 */
import { describe, expect, it } from 'vitest';
import { render, validate, type KindId } from '../src/index.js';
import { clone, fixture } from './helpers/fixtures.js';

type Mutation = (d: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Case {
  name: string;
  mutate: Mutation;
  expect: { code: string; path: string; message: string }[];
}

/** The complete (non-draft) fixture of each kind that the mutations start from. */
const BASE: Record<KindId, string> = {
  'ke-hoach': 'ke-hoach-so-noi-vu-2026',
  'to-trinh': 'to-trinh-so-noi-vu-bang-khen',
  'bien-ban': 'bien-ban-hdtdkt-so-noi-vu',
  'bao-cao-thanh-tich-tap-the': 'phong-cchc-so-noi-vu',
  'bao-cao-thanh-tich-ca-nhan': 'nguyen-thi-thu-ha-so-noi-vu',
  'quyet-dinh-khen-thuong': 'bang-khen-chu-tich-2026',
  'phieu-kiem-tra-ho-so': 'phuong-ba-dinh-thieu-bien-ban',
};
const base = (kind: KindId) => fixture(kind, BASE[kind]);


const CASES: Partial<Record<KindId, Case[]>> = {
  'quyet-dinh-khen-thuong': [
    {
      name: 'cá nhân thứ 2 thiếu họ tên, trích yếu quá dài, ký hiệu có khoảng trắng',
      mutate: (d) => {
        delete d.khenThuong.caNhan[1].hoTen;
        d.trichYeu = 'Về việc '.repeat(80);
        d.so.kyHieu = 'QĐ UBND';
      },
      expect: [
        { code: 'schema.required', path: '/khenThuong/caNhan/1/hoTen', message: "Trường 'Họ và tên' (/khenThuong/caNhan/1/hoTen) là bắt buộc." },
        { code: 'schema.pattern', path: '/so/kyHieu', message: "Trường 'Ký hiệu văn bản' (/so/kyHieu) không đúng định dạng" },
        { code: 'schema.maxLength', path: '/trichYeu', message: "Trường 'Trích yếu nội dung' (/trichYeu) dài quá 500 ký tự" },
      ],
    },
    {
      name: 'không có tập thể và cá nhân nào; tiền tố ký sai',
      mutate: (d) => {
        d.khenThuong.tapThe = [];
        delete d.khenThuong.caNhan;
        d.nguoiKy.thamQuyen[0].tienTo = 'K.T';
      },
      expect: [
        { code: 'schema.anyOf', path: '/khenThuong', message: "Trường 'Nội dung khen thưởng' (/khenThuong)" },
        { code: 'schema.enum', path: '/nguoiKy/thamQuyen/0/tienTo', message: '"TM.", "KT.", "Q.", "TL.", "TUQ."' },
      ],
    },
    {
      name: 'ngày ban hành không có thật',
      mutate: (d) => {
        d.diaDanhNgay.ngay = 31;
        d.diaDanhNgay.thang = 11;
      },
      expect: [{ code: 'date.invalid', path: '/diaDanhNgay', message: 'không phải ngày có thật: ngày 31 tháng 11 năm 2026' }],
    },
  ],
  'ke-hoach': [
    {
      name: 'mục không có tiêu đề lẫn đoạn văn; trường lạ',
      mutate: (d) => {
        d.noiDung[0].muc[0] = { muc: d.noiDung[0].muc[0].muc };
        d.ghiChu = 'x';
      },
      expect: [
        { code: 'schema.additionalProperties', path: '/ghiChu', message: "Trường 'ghiChu' (/ghiChu) không có trong biểu mẫu 'Kế hoạch'" },
        { code: 'schema.anyOf', path: '/noiDung/0/muc/0', message: "(/noiDung/0/muc/0)" },
      ],
    },
    {
      name: 'dòng Lưu không bắt đầu bằng VT',
      mutate: (d) => {
        d.noiNhan.luu = 'SNV';
      },
      expect: [{ code: 'schema.pattern', path: '/noiNhan/luu', message: 'phần lưu bắt đầu bằng "VT"' }],
    },
  ],
  'to-trinh': [
    {
      name: 'không có nơi kính gửi; năm là chuỗi',
      mutate: (d) => {
        d.kinhGui = [];
        d.diaDanhNgay.nam = '2026';
      },
      expect: [
        { code: 'schema.type', path: '/diaDanhNgay/nam', message: "Trường 'Năm ban hành' (/diaDanhNgay/nam) phải là số nguyên" },
        { code: 'schema.minItems', path: '/kinhGui', message: "Trường 'Kính gửi' (/kinhGui)" },
      ],
    },
  ],
  'bien-ban': [
    {
      name: 'số phiếu đồng ý vượt tổng số thành viên',
      mutate: (d) => {
        d.ketQuaBoPhieu[0].soPhieuDongY = d.thanhVien.length + 1;
      },
      expect: [{ code: 'bien-ban.votes-exceed-members', path: '/ketQuaBoPhieu/0/soPhieuDongY', message: 'nhiều hơn tổng số' }],
    },
    {
      name: 'thành viên thiếu trạng thái có mặt; giờ 25',
      mutate: (d) => {
        delete d.thanhVien[2].coMat;
        d.batDau.gio = 25;
      },
      expect: [
        { code: 'schema.maximum', path: '/batDau/gio', message: "Trường 'Giờ' (/batDau/gio)" },
        { code: 'schema.required', path: '/thanhVien/2/coMat', message: "Trường 'Có mặt' (/thanhVien/2/coMat) là bắt buộc." },
      ],
    },
  ],
  'bao-cao-thanh-tich-ca-nhan': [
    {
      name: 'giới tính ngoài danh mục; ngày sinh 30/2',
      mutate: (d) => {
        d.lyLich.gioiTinh = 'nam';
        d.lyLich.ngaySinh = { ngay: 30, thang: 2, nam: 1985 };
      },
      expect: [{ code: 'schema.enum', path: '/lyLich/gioiTinh', message: "Trường 'Giới tính' (/lyLich/gioiTinh) phải là một trong các giá trị" }],
    },
    {
      name: 'ngày sinh 30/2 (sau khi lược đồ đã hợp lệ)',
      mutate: (d) => {
        d.lyLich.ngaySinh = { ngay: 30, thang: 2, nam: 1985 };
      },
      expect: [{ code: 'date.invalid', path: '/lyLich/ngaySinh', message: "Trường 'Ngày, tháng, năm sinh' (/lyLich/ngaySinh) không phải ngày có thật" }],
    },
  ],
  'bao-cao-thanh-tich-tap-the': [
    {
      name: 'thiếu xác nhận của cấp trên và tên tập thể',
      mutate: (d) => {
        delete d.xacNhan;
        delete d.tenTapThe;
      },
      expect: [
        { code: 'schema.required', path: '/tenTapThe', message: "Trường 'Tên tập thể đề nghị' (/tenTapThe) là bắt buộc." },
        { code: 'schema.required', path: '/xacNhan', message: "Trường 'Xác nhận của đơn vị cấp trên' (/xacNhan) là bắt buộc." },
      ],
    },
  ],
};

CASES['phieu-kiem-tra-ho-so'] = [
  {
    name: 'mã SHA-256 sai định dạng; kết luận ngoài danh mục',
    mutate: (d) => {
      d.tep[1].sha256 = 'ABC';
      d.ketLuan = 'dat';
    },
    expect: [
      { code: 'schema.enum', path: '/ketLuan', message: "Trường 'Kết luận' (/ketLuan)" },
      { code: 'schema.pattern', path: '/tep/1/sha256', message: '64 ký tự thập lục phân viết thường' },
    ],
  },
];

describe.each(Object.entries(CASES))('%s: invalid inputs', (kind, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const data = clone(base(kind as KindId));
    c.mutate(data);
    const v = validate(kind, data);
    expect(v.valid).toBe(false);
    for (const e of c.expect) {
      const hit = v.findings.find((f) => f.code === e.code && f.path === e.path);
      expect(hit, `${e.code} at ${e.path} in ${JSON.stringify(v.findings.map((f) => [f.code, f.path]))}`).toBeDefined();
      expect(hit!.message).toContain(e.message);
      expect(hit!.severity).toBe('error');
      expect(hit!.message).toBe(hit!.message.normalize('NFC'));
    }
    const r = render(kind, data);
    expect(r.ok).toBe(false);
    expect('docx' in r).toBe(false);
  });
});

describe('validation', () => {
  it('returns every error at once, sorted by pointer', () => {
    const data = clone(base('quyet-dinh-khen-thuong'));
    delete data.trichYeu;
    delete data.canCu;
    delete (data.nguoiKy as Record<string, unknown>).hoTen;
    (data.so as Record<string, unknown>).so = 0;
    const v = validate('quyet-dinh-khen-thuong', data);
    expect(v.findings.map((f) => f.path)).toEqual(['/canCu', '/nguoiKy/hoTen', '/so/so', '/trichYeu']);
  });

  it('normalizes decomposed (NFD) Vietnamese to NFC before validating', () => {
    const data = clone(base('quyet-dinh-khen-thuong'));
    (data.thamQuyen as string) = (data.thamQuyen as string).normalize('NFD');
    const v = validate('quyet-dinh-khen-thuong', data);
    expect(v.valid).toBe(true);
    expect((v.data as { thamQuyen: string }).thamQuyen).toBe((data.thamQuyen as string).normalize('NFC'));
  });

  it('refuses text typed in the legacy TCVN3 encoding, naming the field', () => {
    const data = clone(base('quyet-dinh-khen-thuong'));
    (data.khenThuong as { caNhan: { hoTen: string }[] }).caNhan[0]!.hoTen = 'NguyÔn V¨n B×nh';
    const v = validate('quyet-dinh-khen-thuong', data);
    const f = v.findings.find((x) => x.code === 'input.legacy-encoding');
    expect(f?.path).toBe('/khenThuong/caNhan/0/hoTen');
    expect(f?.message).toContain('TCVN3');
  });

  it('names an unknown kind and lists the real ones', () => {
    const v = validate('quyet-dinh', {});
    expect(v.findings[0]!.code).toBe('kind.unknown');
    expect(v.findings[0]!.message).toContain('quyet-dinh-khen-thuong');
  });
});

describe('legacy encoding detection', () => {
  it.each([
    ['Ninh B×nh', 'TCVN3'],
    ['B¶o Th¾ng', 'TCVN3'],
    ['Xin chaøo caùc baïn', 'VNI'],
    ['Nghiêm Xuân Bách', undefined],
    ['Hà Nội', undefined],
    ['Chỉ số CCHC (PAR INDEX) đạt 92,5%', undefined],
    ['Phòng Tổ chức cán bộ', undefined],
    ['Võ Thị Sáu', undefined],
  ])('%s → %s', async (text, expected) => {
    const { detectLegacyEncoding } = await import('../src/index.js');
    expect(detectLegacyEncoding(text)).toBe(expected);
  });
});
