/**
 * Cases for so-noi-vu-cchc-2026 (Kế hoạch 215/KH-SNV của Sở Nội vụ thành phố Hà Nội, thực hiện Kế
 * hoạch 77/KH-UBND trong phạm vi Sở): one table per criterion, per quota and per form-level check.
 */
import { formCodes, patchNominee, SANG_KIEN, signed, take, type NomineePatch, type Tables } from '../rule-tester.js';
import type { Nominee } from '../../../src/rules/types.js';

export const campaignId = 'so-noi-vu-cchc-2026';

const GK = 'giay-khen-giam-doc';
const BK = 'de-nghi-bang-khen-chu-tich';
const F = formCodes(campaignId);

const p = (i: number, sub = ''): string => `/doiTuong/${i}${sub}`;

const GIAM_DOC = signed('guong-mau-chap-hanh', 'Trần Quang Minh', 'Giám đốc Sở Nội vụ', '2026-12-05');

/**
 * A nominee of the department meeting every criterion of so-noi-vu-cchc-2026, for the Giấy khen and
 * for the Bằng khen the department proposes: a collective by default (Phòng Cải cách hành chính),
 * “Hoàn thành xuất sắc nhiệm vụ” 3 years running, 88.4% of applications received online, the
 * director's signed confirmation and the Sáng kiến council's decision.
 */
export function completeSnv(partial: NomineePatch = {}): Nominee {
  const loai = partial.loai ?? 'tap-the';
  const base: Nominee =
    loai === 'tap-the'
      ? {
          loai,
          ten: 'Phòng Cải cách hành chính',
          loaiDonVi: 'phong-chuyen-mon',
          duLieu: { xepLoai: 'hoan-thanh-xuat-sac', soNamHoanThanhXuatSac: 3, tyLeHoSoTrucTuyen: 88.4 },
          xacNhan: [{ ...GIAM_DOC }],
          minhChung: [{ ...SANG_KIEN, moTa: 'Quyết định số 05/QĐ-HĐSK ngày 20/11/2026 của Hội đồng Sáng kiến Sở Nội vụ' }],
        }
      : {
          loai,
          ten: 'Ông Lê Văn Dũng, Trưởng phòng Cải cách hành chính',
          duLieu: { xepLoai: 'hoan-thanh-xuat-sac', soNamHoanThanhXuatSac: 2 },
          xacNhan: [{ ...GIAM_DOC }],
          minhChung: [{ ...SANG_KIEN, moTa: 'Quyết định số 05/QĐ-HĐSK ngày 20/11/2026 của Hội đồng Sáng kiến Sở Nội vụ' }],
        };
  return patchNominee(base, partial);
}

const tapThe = (ten: string, partial: NomineePatch = {}): Nominee => completeSnv({ ten, ...partial });
const nguoi = (ten: string, partial: NomineePatch = {}): Nominee => completeSnv({ loai: 'ca-nhan', ten, ...partial });

const PHONG = [
  'Phòng Cải cách hành chính',
  'Phòng Tổ chức, biên chế',
  'Phòng Công chức, viên chức',
  'Phòng Xây dựng chính quyền',
  'Văn phòng Sở',
  'Ban Thi đua - Khen thưởng',
  'Chi cục Văn thư - Lưu trữ',
  'Trung tâm Lưu trữ lịch sử',
] as const;
const unitOf = (ten: string): string => (/^(Ban|Chi cục|Trung tâm)/.test(ten) ? 'don-vi-truc-thuoc' : 'phong-chuyen-mon');
const phongList = (n: number) => take(PHONG, n).map((ten) => tapThe(ten, { loaiDonVi: unitOf(ten) }));

const CAN_BO = [
  'Bà Nguyễn Thị Thu Hà, Chuyên viên Phòng Cải cách hành chính',
  'Ông Trần Đức Anh, Phó Trưởng phòng Tổ chức, biên chế',
  'Bà Phạm Thị Lan, Chuyên viên Văn phòng Sở',
  'Ông Hoàng Minh Tú, Chuyên viên Phòng Công chức, viên chức',
  'Bà Vũ Thị Hằng, Kế toán Văn phòng Sở',
  'Ông Đặng Quốc Việt, Chuyên viên Phòng Xây dựng chính quyền',
  'Bà Bùi Thu Trang, Chuyên viên Ban Thi đua - Khen thưởng',
  'Ông Đỗ Văn Nam, Phó Chi cục trưởng Chi cục Văn thư - Lưu trữ',
  'Bà Ngô Thị Huyền, Lưu trữ viên Trung tâm Lưu trữ lịch sử',
  'Ông Dương Văn Khải, Chuyên viên Phòng Cải cách hành chính',
  'Bà Lý Thanh Tâm, Chuyên viên Phòng Tổ chức, biên chế',
  'Ông Phan Anh Tuấn, Chuyên viên Văn phòng Sở',
  'Bà Trịnh Thu Hương, Chuyên viên Phòng Công chức, viên chức',
] as const;
const nguoiList = (n: number) => take(CAN_BO, n).map((ten) => nguoi(ten));

export const tables: Record<string, Tables> = {
  /* ------------------------------------------------------------------ mục III.2: tiêu chuẩn chung */
  'snv.iii2.guong-mau': {
    valid: [
      { name: 'tập thể có xác nhận có chữ ký của Giám đốc Sở', hinhThuc: GK, dip: 'hang-nam', nominees: [completeSnv()] },
      { name: 'cá nhân được Sở đề nghị Bằng khen, có xác nhận', hinhThuc: BK, dip: 'hang-nam', nominees: [nguoi('Bà Nguyễn Thị Thu Hà, Chuyên viên Phòng Cải cách hành chính')] },
      {
        name: 'khen đột xuất, xác nhận của Chi cục trưởng',
        hinhThuc: GK,
        dip: 'dot-xuat',
        nominees: [tapThe('Chi cục Văn thư - Lưu trữ', { loaiDonVi: 'don-vi-truc-thuoc', xacNhan: [signed('guong-mau-chap-hanh', 'Đỗ Văn Nam', 'Chi cục trưởng Chi cục Văn thư - Lưu trữ', '2026-07-02')] })],
      },
    ],
    invalid: [
      {
        name: 'không có xác nhận (áp dụng cả cho Giấy khen)',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [completeSnv({ xacNhan: undefined })],
        errors: [{ code: 'snv.iii2.guong-mau', severity: 'review', path: p(0, '/xacNhan'), messageIncludes: 'xác nhận Phòng Cải cách hành chính gương mẫu' }],
      },
      {
        name: 'xác nhận chưa ghi ngày ký',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [nguoi('Ông Trần Đức Anh, Phó Trưởng phòng Tổ chức, biên chế', { xacNhan: [{ ma: 'guong-mau-chap-hanh', nguoiXacNhan: 'Trần Quang Minh', chucVu: 'Giám đốc Sở Nội vụ' }] })],
        errors: [{ code: 'snv.iii2.guong-mau', severity: 'review', path: p(0, '/xacNhan'), messageIncludes: 'Ông Trần Đức Anh' }],
      },
      {
        name: 'xác nhận chưa ghi chức vụ người ký, ở bản ghi thứ hai',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [completeSnv(), tapThe('Văn phòng Sở', { xacNhan: [{ ma: 'guong-mau-chap-hanh', nguoiXacNhan: 'Trần Quang Minh', ngay: '2026-12-05' }] })],
        errors: [{ code: 'snv.iii2.guong-mau', severity: 'review', path: p(1, '/xacNhan') }],
      },
    ],
  },

  'snv.iii2.giay-khen.hoan-thanh-tot': {
    valid: [
      { name: 'Hoàn thành tốt nhiệm vụ', hinhThuc: GK, dip: 'hang-nam', nominees: [nguoi('Bà Phạm Thị Lan, Chuyên viên Văn phòng Sở', { duLieu: { xepLoai: 'hoan-thanh-tot' } })] },
      { name: 'Hoàn thành xuất sắc nhiệm vụ', hinhThuc: GK, dip: 'hang-nam', nominees: [completeSnv()] },
      {
        name: 'đề nghị Bằng khen không xét tiêu chuẩn của Giấy khen',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [nguoi('Bà Vũ Thị Hằng, Kế toán Văn phòng Sở', { duLieu: { xepLoai: 'hoan-thanh' } })],
      },
    ],
    invalid: [
      {
        name: 'chỉ Hoàn thành nhiệm vụ',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [nguoi('Ông Hoàng Minh Tú, Chuyên viên Phòng Công chức, viên chức', { duLieu: { xepLoai: 'hoan-thanh' } })],
        errors: [{ code: 'snv.iii2.giay-khen.hoan-thanh-tot', severity: 'error', path: p(0, '/duLieu/xepLoai'), messageIncludes: 'hoàn thành tốt nhiệm vụ trở lên' }],
      },
      {
        name: 'Không hoàn thành nhiệm vụ, khen đột xuất',
        hinhThuc: GK,
        dip: 'dot-xuat',
        nominees: [tapThe('Phòng Xây dựng chính quyền', { duLieu: { xepLoai: 'khong-hoan-thanh' } })],
        errors: [{ code: 'snv.iii2.giay-khen.hoan-thanh-tot', severity: 'error', path: p(0, '/duLieu/xepLoai'), messageIncludes: 'Phòng Xây dựng chính quyền' }],
      },
      {
        name: 'chưa có xếp loại: thiếu dữ liệu',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [tapThe('Ban Thi đua - Khen thưởng', { loaiDonVi: 'don-vi-truc-thuoc', duLieu: { xepLoai: undefined } })],
        errors: [{ code: 'snv.iii2.giay-khen.hoan-thanh-tot.thieu-du-lieu', severity: 'error', path: p(0, '/duLieu/xepLoai'), messageIncludes: 'Xếp loại mức độ hoàn thành nhiệm vụ năm 2026' }],
      },
    ],
  },

  'snv.iii2.bang-khen.hai-nam-xuat-sac': {
    valid: [
      { name: 'đúng 02 năm liên tục và có văn bản công nhận sáng kiến', hinhThuc: BK, dip: 'hang-nam', nominees: [nguoi('Ông Lê Văn Dũng, Trưởng phòng Cải cách hành chính')] },
      { name: '05 năm liên tục, tập thể', hinhThuc: BK, dip: 'hang-nam', nominees: [completeSnv({ duLieu: { soNamHoanThanhXuatSac: 5 } })] },
      {
        name: 'Giấy khen không đòi 02 năm xuất sắc',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [nguoi('Bà Bùi Thu Trang, Chuyên viên Ban Thi đua - Khen thưởng', { duLieu: { soNamHoanThanhXuatSac: 1 }, minhChung: [] })],
      },
    ],
    invalid: [
      {
        name: 'mới 01 năm hoàn thành xuất sắc',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [nguoi('Bà Ngô Thị Huyền, Lưu trữ viên Trung tâm Lưu trữ lịch sử', { duLieu: { soNamHoanThanhXuatSac: 1 } })],
        errors: [{ code: 'snv.iii2.bang-khen.hai-nam-xuat-sac', severity: 'error', path: p(0, '/duLieu'), messageIncludes: '02 năm liên tục' }],
      },
      {
        name: '03 năm nhưng không có văn bản công nhận sáng kiến',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [completeSnv({ minhChung: [] })],
        errors: [{ code: 'snv.iii2.bang-khen.hai-nam-xuat-sac', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'Phòng Cải cách hành chính chưa đủ tiêu chuẩn' }],
      },
      {
        name: 'chưa ghi số năm, có văn bản công nhận: thiếu dữ liệu',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [nguoi('Ông Dương Văn Khải, Chuyên viên Phòng Cải cách hành chính', { duLieu: { soNamHoanThanhXuatSac: undefined } })],
        errors: [{ code: 'snv.iii2.bang-khen.hai-nam-xuat-sac.thieu-du-lieu', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'Số năm liên tục hoàn thành xuất sắc nhiệm vụ' }],
      },
      {
        name: 'chưa ghi số năm và không có văn bản công nhận: đã không đạt',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [nguoi('Bà Lý Thanh Tâm, Chuyên viên Phòng Tổ chức, biên chế', { duLieu: { soNamHoanThanhXuatSac: undefined }, minhChung: undefined })],
        errors: [{ code: 'snv.iii2.bang-khen.hai-nam-xuat-sac', severity: 'error', path: p(0, '/duLieu') }],
      },
    ],
  },

  'snv.iii2.tap-the.truc-tuyen': {
    valid: [
      { name: 'đúng 80%', hinhThuc: GK, dip: 'hang-nam', nominees: [completeSnv({ duLieu: { tyLeHoSoTrucTuyen: 80 } })] },
      { name: '92,5% khi đề nghị Bằng khen', hinhThuc: BK, dip: 'hang-nam', nominees: [completeSnv({ duLieu: { tyLeHoSoTrucTuyen: 92.5 } })] },
      {
        name: 'đơn vị không tiếp nhận hồ sơ thủ tục hành chính (không có tỷ lệ): không xét',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [tapThe('Phòng Tổ chức, biên chế', { duLieu: { tyLeHoSoTrucTuyen: undefined } })],
      },
      {
        name: 'cá nhân: chỉ tiêu dành cho tập thể',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [nguoi('Ông Phan Anh Tuấn, Chuyên viên Văn phòng Sở', { duLieu: { tyLeHoSoTrucTuyen: 45 } })],
      },
    ],
    invalid: [
      {
        name: '79,9%: lưu ý, không chặn',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [completeSnv({ duLieu: { tyLeHoSoTrucTuyen: 79.9 } })],
        errors: [{ code: 'snv.iii2.tap-the.truc-tuyen', severity: 'warning', path: p(0, '/duLieu/tyLeHoSoTrucTuyen'), messageIncludes: '79.9% thấp hơn chỉ tiêu 80%' }],
      },
      {
        name: '65% khi đề nghị Bằng khen',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [tapThe('Chi cục Văn thư - Lưu trữ', { loaiDonVi: 'don-vi-truc-thuoc', duLieu: { tyLeHoSoTrucTuyen: 65 } })],
        errors: [{ code: 'snv.iii2.tap-the.truc-tuyen', severity: 'warning', path: p(0, '/duLieu/tyLeHoSoTrucTuyen'), messageIncludes: 'Chi cục Văn thư - Lưu trữ' }],
      },
      {
        name: 'hai tập thể, chỉ tập thể thứ hai dưới chỉ tiêu',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [completeSnv(), tapThe('Văn phòng Sở', { duLieu: { tyLeHoSoTrucTuyen: 71.3 } })],
        errors: [{ code: 'snv.iii2.tap-the.truc-tuyen', severity: 'warning', path: p(1, '/duLieu/tyLeHoSoTrucTuyen') }],
      },
    ],
  },

  /* ------------------------------------------------------------------------ mục III.1: chỉ tiêu */
  'snv.iii1.giay-khen.tap-the': {
    valid: [
      { name: '05 tập thể', hinhThuc: GK, dip: 'hang-nam', nominees: phongList(5) },
      { name: 'đột xuất không có chỉ tiêu: 07 tập thể', hinhThuc: GK, dip: 'dot-xuat', nominees: phongList(7) },
      { name: '05 tập thể và 10 cá nhân', hinhThuc: GK, dip: 'hang-nam', nominees: [...phongList(5), ...nguoiList(10)] },
    ],
    invalid: [
      {
        name: '06 tập thể',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: phongList(6),
        errors: [{ code: 'snv.iii1.giay-khen.tap-the', severity: 'error', path: p(5), messageIncludes: 'Ban Thi đua - Khen thưởng là trường hợp thứ 6' }],
      },
      {
        name: '08 tập thể: ba phát hiện',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: phongList(8),
        errors: [
          { code: 'snv.iii1.giay-khen.tap-the', path: p(5) },
          { code: 'snv.iii1.giay-khen.tap-the', path: p(6) },
          { code: 'snv.iii1.giay-khen.tap-the', path: p(7), messageIncludes: 'Trung tâm Lưu trữ lịch sử là trường hợp thứ 8' },
        ],
      },
    ],
  },

  'snv.iii1.giay-khen.ca-nhan': {
    valid: [
      { name: '10 cá nhân', hinhThuc: GK, dip: 'hang-nam', nominees: nguoiList(10) },
      { name: 'đột xuất không có chỉ tiêu: 12 cá nhân', hinhThuc: GK, dip: 'dot-xuat', nominees: nguoiList(12) },
    ],
    invalid: [
      {
        name: '11 cá nhân',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: nguoiList(11),
        errors: [{ code: 'snv.iii1.giay-khen.ca-nhan', severity: 'error', path: p(10), messageIncludes: 'Bà Lý Thanh Tâm, Chuyên viên Phòng Tổ chức, biên chế là trường hợp thứ 11' }],
      },
      {
        name: '02 tập thể rồi 13 cá nhân: ba phát hiện',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [...phongList(2), ...nguoiList(13)],
        errors: [
          { code: 'snv.iii1.giay-khen.ca-nhan', path: p(12), messageIncludes: 'Danh sách có 13' },
          { code: 'snv.iii1.giay-khen.ca-nhan', path: p(13) },
          { code: 'snv.iii1.giay-khen.ca-nhan', path: p(14) },
        ],
      },
    ],
  },

  'snv.iii1.de-nghi-bang-khen.tap-the': {
    valid: [
      { name: '02 tập thể', hinhThuc: BK, dip: 'hang-nam', nominees: phongList(2) },
      { name: '02 tập thể và 03 cá nhân', hinhThuc: BK, dip: 'hang-nam', nominees: [...nguoiList(3), ...phongList(2)] },
    ],
    invalid: [
      {
        name: '03 tập thể',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: phongList(3),
        errors: [{ code: 'snv.iii1.de-nghi-bang-khen.tap-the', severity: 'error', path: p(2), messageIncludes: 'Phòng Công chức, viên chức là trường hợp thứ 3' }],
      },
      {
        name: '01 cá nhân rồi 04 tập thể',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [...nguoiList(1), ...phongList(4)],
        errors: [
          { code: 'snv.iii1.de-nghi-bang-khen.tap-the', path: p(3) },
          { code: 'snv.iii1.de-nghi-bang-khen.tap-the', path: p(4), messageIncludes: 'Phòng Xây dựng chính quyền' },
        ],
      },
    ],
  },

  'snv.iii1.de-nghi-bang-khen.ca-nhan': {
    valid: [
      { name: '03 cá nhân', hinhThuc: BK, dip: 'hang-nam', nominees: nguoiList(3) },
      { name: '03 cá nhân và 02 tập thể', hinhThuc: BK, dip: 'hang-nam', nominees: [...phongList(2), ...nguoiList(3)] },
    ],
    invalid: [
      {
        name: '04 cá nhân',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: nguoiList(4),
        errors: [{ code: 'snv.iii1.de-nghi-bang-khen.ca-nhan', severity: 'error', path: p(3), messageIncludes: 'là trường hợp thứ 4' }],
      },
      {
        name: '05 cá nhân',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: nguoiList(5),
        errors: [
          { code: 'snv.iii1.de-nghi-bang-khen.ca-nhan', path: p(3), messageIncludes: 'Ông Hoàng Minh Tú' },
          { code: 'snv.iii1.de-nghi-bang-khen.ca-nhan', path: p(4), messageIncludes: 'Bà Vũ Thị Hằng' },
        ],
      },
    ],
  },

  /* ---------------------------------------------------------- kiểm tra hình thức của bộ máy quy tắc */
  [F.doiTuong]: {
    valid: [
      { name: 'Giấy khen cho tập thể và cá nhân', hinhThuc: GK, dip: 'hang-nam', nominees: [completeSnv(), nguoi('Bà Phạm Thị Lan, Chuyên viên Văn phòng Sở')] },
      { name: 'đề nghị Bằng khen cho cá nhân', hinhThuc: BK, dip: 'hang-nam', nominees: [nguoi('Ông Lê Văn Dũng, Trưởng phòng Cải cách hành chính')] },
    ],
    invalid: [
      {
        name: 'Giấy khen của Giám đốc Sở không xét cho hộ gia đình',
        hinhThuc: GK,
        dip: 'dot-xuat',
        nominees: [completeSnv({ loai: 'ho-gia-dinh', ten: 'Hộ gia đình bà Nguyễn Thị Hoa, phường Hoàn Kiếm' })],
        errors: [{ code: F.doiTuong, severity: 'error', path: p(0), messageIncludes: 'Giấy khen của Giám đốc Sở Nội vụ không xét cho hộ gia đình' }],
      },
      {
        name: 'đề nghị Bằng khen: hộ gia đình đứng sau một tập thể',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [completeSnv(), completeSnv({ loai: 'ho-gia-dinh', ten: 'Hộ gia đình ông Trần Văn Bình, xã Sóc Sơn' })],
        errors: [{ code: F.doiTuong, severity: 'error', path: p(1), messageIncludes: 'chỉ xét cho: tập thể, cá nhân' }],
      },
    ],
  },

  /**
   * No form of 215/KH-SNV is allotted by khối, so the engine can never emit this code for the
   * campaign (coverage.test.ts asks for invalid cases only where a form declares khoi).
   */
  [F.khoi]: {
    valid: [
      { name: 'Giấy khen cho tập thể không ghi khối', hinhThuc: GK, dip: 'hang-nam', nominees: [completeSnv()] },
      { name: 'đề nghị Bằng khen cho tập thể không ghi khối', hinhThuc: BK, dip: 'hang-nam', nominees: phongList(2) },
    ],
    invalid: [],
  },

  [F.dip]: {
    valid: [
      { name: 'Giấy khen khen đột xuất', hinhThuc: GK, dip: 'dot-xuat', nominees: [completeSnv()] },
      { name: 'đề nghị Bằng khen hằng năm', hinhThuc: BK, dip: 'hang-nam', nominees: [completeSnv()] },
    ],
    invalid: [
      {
        name: 'đề nghị Bằng khen khen đột xuất (Sở chỉ đề nghị hằng năm)',
        hinhThuc: BK,
        dip: 'dot-xuat',
        nominees: [completeSnv()],
        errors: [{ code: F.dip, severity: 'error', path: '/chienDich/dip', messageIncludes: 'chỉ xét trong: khen thưởng hằng năm' }],
      },
      {
        name: 'đề nghị Bằng khen đột xuất cho cá nhân',
        hinhThuc: BK,
        dip: 'dot-xuat',
        nominees: [nguoi('Ông Trần Đức Anh, Phó Trưởng phòng Tổ chức, biên chế')],
        errors: [{ code: F.dip, path: '/chienDich/dip', messageIncludes: 'không được xét trong dịp khen thưởng thành tích đột xuất' }],
      },
    ],
  },
};
