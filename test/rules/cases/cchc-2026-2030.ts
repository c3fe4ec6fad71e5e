/**
 * Cases for cchc-2026-2030 (Kế hoạch 77/KH-UBND ngày 02/3/2026 của UBND thành phố Hà Nội, mục IV):
 * one table per criterion (quyTac), per quota (chiTieu) and per form-level check of the engine.
 */
import {
  caNhan,
  complete,
  formCodes,
  PHUONG_XA,
  CA_NHAN,
  SANG_KIEN,
  SO_NGANH,
  signed,
  so,
  take,
  xaPhuong,
  type Tables,
} from '../rule-tester.js';

export const campaignId = 'cchc-2026-2030';

const BK = 'bang-khen-chu-tich';
const TTG = 'bang-khen-thu-tuong';
const CO = 'co-thi-dua-ubnd';
const GK = 'giay-khen';
const F = formCodes(campaignId);

const p = (i: number, sub = ''): string => `/doiTuong/${i}${sub}`;

const phuongList = (n: number) => take(PHUONG_XA, n).map((ten) => xaPhuong(ten));
const soList = (n: number) => take(SO_NGANH, n).map((ten) => so(ten));
const nguoiList = (n: number) => take(CA_NHAN, n).map((ten) => caNhan(ten));

export const tables: Record<string, Tables> = {
  /* ---------------------------------------------------------------- mục IV.2.a, tiêu chuẩn chung */
  'kh77.iv2a.guong-mau': {
    valid: [
      { name: 'tập thể có xác nhận có chữ ký (người xác nhận, chức vụ, ngày)', hinhThuc: BK, dip: 'hang-nam', nominees: [complete()] },
      {
        name: 'cá nhân có xác nhận của Giám đốc Sở Nội vụ',
        hinhThuc: BK,
        dip: 'tong-ket',
        nominees: [caNhan('Ông Lê Văn Dũng, Trưởng phòng Cải cách hành chính, Sở Nội vụ')],
      },
      {
        name: 'Giấy khen không xét tiêu chuẩn của Bằng khen: không cần xác nhận',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'UBND xã Sóc Sơn', xacNhan: [] })],
      },
    ],
    invalid: [
      {
        name: 'không có xác nhận nào',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ xacNhan: [] })],
        errors: [{ code: 'kh77.iv2a.guong-mau', severity: 'review', path: p(0, '/xacNhan'), messageIncludes: 'UBND phường Hoàn Kiếm gương mẫu' }],
      },
      {
        name: 'xác nhận chưa ký: thiếu chức vụ và ngày',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Sở Tư pháp', khoi: 'so-nganh', loaiDonVi: 'so-ban-nganh', xacNhan: [{ ma: 'guong-mau-chap-hanh', nguoiXacNhan: 'Nguyễn Thanh Bình' }, signed('noi-bo-doan-ket')] })],
        errors: [{ code: 'kh77.iv2a.guong-mau', severity: 'review', path: p(0, '/xacNhan'), messageIncludes: 'Sở Tư pháp' }],
      },
      {
        name: 'xác nhận có người ký, chức vụ nhưng thiếu ngày',
        hinhThuc: BK,
        dip: 'so-ket',
        nominees: [caNhan('Bà Phạm Thị Lan', { xacNhan: [{ ma: 'guong-mau-chap-hanh', nguoiXacNhan: 'Trần Quang Minh', chucVu: 'Giám đốc Sở Nội vụ' }] })],
        errors: [{ code: 'kh77.iv2a.guong-mau', severity: 'review', path: p(0, '/xacNhan') }],
      },
      {
        name: 'trong hai tập thể, chỉ tập thể thứ hai thiếu xác nhận',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND phường Ba Đình'), xaPhuong('UBND xã Sóc Sơn', { xacNhan: [signed('noi-bo-doan-ket')] })],
        errors: [{ code: 'kh77.iv2a.guong-mau', severity: 'review', path: p(1, '/xacNhan'), messageIncludes: 'UBND xã Sóc Sơn' }],
      },
    ],
  },

  'kh77.iv2a.doan-ket': {
    valid: [
      { name: 'tập thể có xác nhận nội bộ đoàn kết có chữ ký', hinhThuc: BK, dip: 'so-ket', nominees: [xaPhuong('UBND xã Sóc Sơn')] },
      {
        name: 'cá nhân: tiêu chuẩn đoàn kết chỉ áp dụng cho tập thể',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [caNhan('Ông Hoàng Đức Thắng, Phó Chủ tịch UBND phường Cầu Giấy')],
      },
      {
        name: 'đột xuất: tiêu chuẩn chung vẫn áp dụng và được đáp ứng',
        hinhThuc: BK,
        dip: 'dot-xuat',
        nominees: [so('Sở Khoa học và Công nghệ')],
      },
    ],
    invalid: [
      {
        name: 'chỉ có xác nhận gương mẫu, không có xác nhận đoàn kết',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ xacNhan: [signed('guong-mau-chap-hanh')] })],
        errors: [{ code: 'kh77.iv2a.doan-ket', severity: 'review', path: p(0, '/xacNhan'), messageIncludes: 'tập thể UBND phường Hoàn Kiếm có nội bộ đoàn kết' }],
      },
      {
        name: 'xác nhận đoàn kết chưa ghi người xác nhận',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [so('Sở Tư pháp', { xacNhan: [signed('guong-mau-chap-hanh'), { ma: 'noi-bo-doan-ket', chucVu: 'Giám đốc Sở Tư pháp', ngay: '2026-11-10' }] })],
        errors: [{ code: 'kh77.iv2a.doan-ket', severity: 'review', path: p(0, '/xacNhan') }],
      },
      {
        name: 'xác nhận đoàn kết có chức vụ và ngày để trống',
        hinhThuc: BK,
        dip: 'tong-ket',
        nominees: [xaPhuong('UBND phường Tây Hồ', { xacNhan: [signed('guong-mau-chap-hanh'), { ma: 'noi-bo-doan-ket', nguoiXacNhan: 'Đỗ Văn Hải', chucVu: '', ngay: '' }] })],
        errors: [{ code: 'kh77.iv2a.doan-ket', severity: 'review', path: p(0, '/xacNhan'), messageIncludes: 'UBND phường Tây Hồ' }],
      },
    ],
  },

  'kh77.iv2a.sang-kien': {
    valid: [
      { name: 'tập thể có quyết định công nhận của Hội đồng Sáng kiến', hinhThuc: BK, dip: 'hang-nam', nominees: [complete()] },
      {
        name: 'đột xuất: thành tích đột xuất không cần sáng kiến đã công nhận (cách hiểu ghi trong docs/RULES.md)',
        hinhThuc: BK,
        dip: 'dot-xuat',
        nominees: [xaPhuong('UBND xã Sóc Sơn', { minhChung: [] })],
      },
      {
        name: 'cá nhân có văn bản công nhận giải pháp, kèm minh chứng khác',
        hinhThuc: BK,
        dip: 'so-ket',
        nominees: [caNhan('Bà Vũ Thị Mai Anh', { minhChung: [{ loai: 'khac', moTa: 'Báo cáo kết quả áp dụng giải pháp' }, { ...SANG_KIEN }] })],
      },
      {
        name: 'Giấy khen không cần văn bản công nhận sáng kiến',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [complete({ minhChung: [] })],
      },
    ],
    invalid: [
      {
        name: 'chỉ có minh chứng khác, không có văn bản công nhận',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ minhChung: [{ loai: 'khac', moTa: 'Ảnh chụp bộ phận một cửa' }] })],
        errors: [{ code: 'kh77.iv2a.sang-kien', severity: 'error', path: p(0, '/minhChung'), messageIncludes: 'Hội đồng Sáng kiến' }],
      },
      {
        name: 'không kèm minh chứng nào (văn bản công nhận là minh chứng bắt buộc)',
        hinhThuc: BK,
        dip: 'tong-ket',
        nominees: [caNhan('Ông Đặng Văn Long', { minhChung: undefined })],
        errors: [{ code: 'kh77.iv2a.sang-kien', severity: 'error', path: p(0, '/minhChung'), messageIncludes: 'Ông Đặng Văn Long' }],
      },
      {
        name: 'sơ kết: hai tập thể đều thiếu văn bản công nhận',
        hinhThuc: BK,
        dip: 'so-ket',
        nominees: [xaPhuong('UBND xã Sóc Sơn', { minhChung: [] }), so('Sở Tư pháp', { minhChung: [] })],
        errors: [
          { code: 'kh77.iv2a.sang-kien', severity: 'error', path: p(0, '/minhChung') },
          { code: 'kh77.iv2a.sang-kien', severity: 'error', path: p(1, '/minhChung') },
        ],
      },
    ],
  },

  /* --------------------------------------- mục IV.2.a, gạch đầu dòng thứ hai: PAR INDEX và SIPAS */
  'kh77.iv2a.chi-so-cchc-sipas': {
    valid: [
      {
        name: 'Chỉ số CCHC đúng 90% và SIPAS đúng 86% (“từ … trở lên”)',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND xã Sóc Sơn', { duLieu: { chiSoCCHC: 90, sipas: 86 } })],
      },
      {
        name: 'Sở Tư pháp: 93,47% và 88,1%',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [so('Sở Tư pháp', { duLieu: { chiSoCCHC: 93.47, sipas: 88.1 } })],
      },
      {
        name: 'tập thể chuyên trách tham mưu CCHC không thuộc loại đơn vị xét chỉ số',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [
          complete({
            ten: 'Phòng Cải cách hành chính, Sở Nội vụ',
            khoi: undefined,
            loaiDonVi: 'tap-the-chuyen-trach-cchc',
            duLieu: { chiSoCCHC: undefined, sipas: undefined, phuTrachChiSoThanhPhan: false },
          }),
        ],
      },
      {
        name: 'cá nhân không xét Chỉ số CCHC của đơn vị',
        hinhThuc: BK,
        dip: 'so-ket',
        nominees: [caNhan('Ông Đỗ Minh Tuấn')],
      },
    ],
    invalid: [
      {
        name: 'Chỉ số CCHC 89,9% (dưới 90%)',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND phường Cầu Giấy', { duLieu: { chiSoCCHC: 89.9, sipas: 90.3 } })],
        errors: [{ code: 'kh77.iv2a.chi-so-cchc-sipas', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'Chỉ số CCHC 89.9%' }],
      },
      {
        name: 'SIPAS 85,9% (dưới 86%) dù Chỉ số CCHC 91,2%',
        hinhThuc: BK,
        dip: 'tong-ket',
        nominees: [complete({ ten: 'Cục Thuế thành phố Hà Nội', khoi: 'so-nganh', loaiDonVi: 'co-quan-nganh-doc-tw', duLieu: { chiSoCCHC: 91.2, sipas: 85.9, thuocTrungUong: true } })],
        errors: [{ code: 'kh77.iv2a.chi-so-cchc-sipas', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'SIPAS 85.9%' }],
      },
      {
        name: 'thiếu SIPAS: báo thiếu dữ liệu, không kết luận là không đạt',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Trung tâm Phục vụ hành chính công Thành phố', khoi: 'so-nganh', loaiDonVi: 'don-vi-su-nghiep', duLieu: { sipas: undefined } })],
        errors: [{ code: 'kh77.iv2a.chi-so-cchc-sipas.thieu-du-lieu', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'Chỉ số Hài lòng (SIPAS) năm xét' }],
      },
      {
        name: 'thiếu cả hai chỉ số: một phát hiện, nêu cả hai trường',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND xã Đông Anh', { duLieu: { chiSoCCHC: undefined, sipas: undefined } })],
        errors: [{ code: 'kh77.iv2a.chi-so-cchc-sipas.thieu-du-lieu', path: p(0, '/duLieu'), messageIncludes: 'Chỉ số CCHC (PAR INDEX) năm xét' }],
      },
      {
        name: 'Chỉ số CCHC 88,5% và thiếu SIPAS: đã không đạt, không chỉ là thiếu dữ liệu',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [so('Sở Xây dựng', { duLieu: { chiSoCCHC: 88.5, sipas: undefined } })],
        errors: [{ code: 'kh77.iv2a.chi-so-cchc-sipas', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'Sở Xây dựng' }],
      },
    ],
  },

  /* ---------------------------------------- mục IV.2.a, gạch đầu dòng thứ ba: Chỉ số thành phần */
  'kh77.iv2a.chi-so-thanh-phan': {
    valid: [
      { name: 'điểm thành phần tăng (8,75 → 9,25)', hinhThuc: BK, dip: 'hang-nam', nominees: [complete()] },
      {
        name: 'giữ nguyên điểm với nội dung đã đạt điểm tối đa',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [so('Sở Tư pháp', { duLieu: { diemThanhPhanNamXet: 10, diemThanhPhanNamTruoc: 10, daDatDiemToiDa: true } })],
      },
      {
        name: 'không được giao phụ trách Chỉ số thành phần: không xét',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND xã Sóc Sơn', { duLieu: { phuTrachChiSoThanhPhan: false, diemThanhPhanNamXet: 7.5, diemThanhPhanNamTruoc: 8 } })],
      },
    ],
    invalid: [
      {
        name: 'giữ nguyên điểm khi chưa đạt điểm tối đa',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND phường Đống Đa', { duLieu: { diemThanhPhanNamXet: 8.5, diemThanhPhanNamTruoc: 8.5, daDatDiemToiDa: false } })],
        errors: [{ code: 'kh77.iv2a.chi-so-thanh-phan', severity: 'error', path: p(0, '/duLieu/diemThanhPhanNamXet'), messageIncludes: '(8.5) không tăng so với năm trước liền kề (8.5)' }],
      },
      {
        name: 'điểm giảm (8,2 so với 8,75)',
        hinhThuc: BK,
        dip: 'so-ket',
        nominees: [so('Sở Tài chính', { duLieu: { diemThanhPhanNamXet: 8.2 } })],
        errors: [{ code: 'kh77.iv2a.chi-so-thanh-phan', severity: 'error', path: p(0, '/duLieu/diemThanhPhanNamXet'), messageIncludes: 'Sở Tài chính' }],
      },
      {
        name: 'giữ nguyên điểm, chưa nói đã đạt tối đa hay chưa: thiếu dữ liệu',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND phường Láng', { duLieu: { diemThanhPhanNamXet: 9, diemThanhPhanNamTruoc: 9 } })],
        errors: [{ code: 'kh77.iv2a.chi-so-thanh-phan.thieu-du-lieu', severity: 'error', path: p(0, '/duLieu/diemThanhPhanNamXet'), messageIncludes: '(/duLieu/daDatDiemToiDa)' }],
      },
      {
        name: 'thiếu điểm năm trước liền kề: thiếu dữ liệu',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND phường Kim Liên', { duLieu: { diemThanhPhanNamTruoc: undefined } })],
        errors: [{ code: 'kh77.iv2a.chi-so-thanh-phan.thieu-du-lieu', path: p(0, '/duLieu/diemThanhPhanNamXet'), messageIncludes: 'năm trước liền kề' }],
      },
    ],
  },

  /* ------------------------------------- mục IV.2.a, gạch đầu dòng thứ tư: tập thể tham mưu CCHC */
  'kh77.iv2a.tap-the-tham-muu': {
    valid: [
      {
        name: 'Văn phòng HĐND và UBND phường: Hoàn thành xuất sắc, thuộc đơn vị dẫn đầu',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Văn phòng HĐND và UBND phường Hoàn Kiếm', loaiDonVi: 'tap-the-tham-muu-cchc', duLieu: { chiSoCCHC: undefined, sipas: undefined } })],
      },
      {
        name: 'UBND xã không phải tập thể tham mưu: không xét dẫn đầu',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND xã Sóc Sơn', { duLieu: { xepLoai: 'hoan-thanh-tot', thuocDonViDanDau: false } })],
      },
      {
        name: 'Giấy khen cho tập thể tham mưu chưa dẫn đầu: không xét',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Phòng Văn hóa - Xã hội, UBND xã Thư Lâm', loaiDonVi: 'tap-the-tham-muu-cchc', duLieu: { thuocDonViDanDau: false } })],
      },
    ],
    invalid: [
      {
        name: 'chỉ Hoàn thành tốt nhiệm vụ',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Văn phòng Sở Tư pháp', khoi: 'so-nganh', loaiDonVi: 'tap-the-tham-muu-cchc', duLieu: { xepLoai: 'hoan-thanh-tot' } })],
        errors: [{ code: 'kh77.iv2a.tap-the-tham-muu', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'Văn phòng Sở Tư pháp' }],
      },
      {
        name: 'Hoàn thành xuất sắc nhưng đơn vị không dẫn đầu Chỉ số CCHC',
        hinhThuc: BK,
        dip: 'so-ket',
        nominees: [complete({ ten: 'Văn phòng HĐND và UBND xã Sóc Sơn', loaiDonVi: 'tap-the-tham-muu-cchc', duLieu: { thuocDonViDanDau: false } })],
        errors: [{ code: 'kh77.iv2a.tap-the-tham-muu', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'dẫn đầu Chỉ số CCHC' }],
      },
      {
        name: 'chưa ghi có thuộc đơn vị dẫn đầu hay không: thiếu dữ liệu',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Văn phòng HĐND và UBND phường Ba Đình', loaiDonVi: 'tap-the-tham-muu-cchc', duLieu: { thuocDonViDanDau: undefined } })],
        errors: [{ code: 'kh77.iv2a.tap-the-tham-muu.thieu-du-lieu', severity: 'error', path: p(0, '/duLieu'), messageIncludes: 'Thuộc sở, ban, ngành, UBND xã, phường dẫn đầu' }],
      },
    ],
  },

  /* ---------------------------------- mục IV.2.a, gạch đầu dòng thứ năm: tập thể chuyên trách CCHC */
  'kh77.iv2a.tap-the-chuyen-trach': {
    valid: [
      {
        name: 'Phòng Cải cách hành chính, Sở Nội vụ: Hoàn thành xuất sắc',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Phòng Cải cách hành chính, Sở Nội vụ', khoi: 'so-nganh', loaiDonVi: 'tap-the-chuyen-trach-cchc' })],
      },
      {
        name: 'Giấy khen cho tập thể chuyên trách chỉ Hoàn thành nhiệm vụ: không xét',
        hinhThuc: GK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Phòng Cải cách hành chính, Sở Nội vụ', loaiDonVi: 'tap-the-chuyen-trach-cchc', duLieu: { xepLoai: 'hoan-thanh' } })],
      },
      {
        name: 'UBND phường chỉ Hoàn thành tốt: tiêu chuẩn này không áp dụng',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND phường Hai Bà Trưng', { duLieu: { xepLoai: 'hoan-thanh-tot' } })],
      },
    ],
    invalid: [
      {
        name: 'chỉ Hoàn thành tốt nhiệm vụ',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [complete({ ten: 'Phòng Cải cách hành chính, Sở Nội vụ', loaiDonVi: 'tap-the-chuyen-trach-cchc', duLieu: { xepLoai: 'hoan-thanh-tot' } })],
        errors: [{ code: 'kh77.iv2a.tap-the-chuyen-trach', severity: 'error', path: p(0, '/duLieu/xepLoai'), messageIncludes: 'Hoàn thành xuất sắc nhiệm vụ' }],
      },
      {
        name: 'chưa có xếp loại năm: thiếu dữ liệu',
        hinhThuc: BK,
        dip: 'tong-ket',
        nominees: [complete({ ten: 'Phòng Cải cách hành chính, Sở Nội vụ', loaiDonVi: 'tap-the-chuyen-trach-cchc', duLieu: { xepLoai: undefined } })],
        errors: [{ code: 'kh77.iv2a.tap-the-chuyen-trach.thieu-du-lieu', severity: 'error', path: p(0, '/duLieu/xepLoai'), messageIncludes: 'Xếp loại mức độ hoàn thành nhiệm vụ' }],
      },
      {
        name: 'không hoàn thành nhiệm vụ, đứng sau một tập thể đạt',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [
          xaPhuong('UBND phường Hoàn Kiếm'),
          complete({ ten: 'Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND Thành phố', khoi: 'so-nganh', loaiDonVi: 'tap-the-chuyen-trach-cchc', duLieu: { xepLoai: 'khong-hoan-thanh' } }),
        ],
        errors: [{ code: 'kh77.iv2a.tap-the-chuyen-trach', severity: 'error', path: p(1, '/duLieu/xepLoai'), messageIncludes: 'Phòng Kiểm soát thủ tục hành chính' }],
      },
    ],
  },

  /* ------------------------------------------------------------------------- mục IV.1: chỉ tiêu */
  'kh77.iv1.bang-khen-chu-tich.tap-the': {
    valid: [
      { name: '20 tập thể hằng năm', hinhThuc: BK, dip: 'hang-nam', nominees: phuongList(20) },
      { name: '20 tập thể và 20 cá nhân khi tổng kết', hinhThuc: BK, dip: 'tong-ket', nominees: [...phuongList(20), ...nguoiList(20)] },
      { name: 'đột xuất không có chỉ tiêu: 23 tập thể', hinhThuc: BK, dip: 'dot-xuat', nominees: phuongList(23) },
    ],
    invalid: [
      {
        name: '21 tập thể hằng năm: đúng một phát hiện, ở trường hợp thứ 21',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: phuongList(21),
        errors: [{ code: 'kh77.iv1.bang-khen-chu-tich.tap-the', severity: 'error', path: p(20), messageIncludes: 'UBND xã Sóc Sơn là trường hợp thứ 21' }],
      },
      {
        name: '23 tập thể khi sơ kết: ba phát hiện',
        hinhThuc: BK,
        dip: 'so-ket',
        nominees: phuongList(23),
        errors: [
          { code: 'kh77.iv1.bang-khen-chu-tich.tap-the', severity: 'error', path: p(20), messageIncludes: 'Danh sách có 23' },
          { code: 'kh77.iv1.bang-khen-chu-tich.tap-the', severity: 'error', path: p(21), messageIncludes: 'thứ 22' },
          { code: 'kh77.iv1.bang-khen-chu-tich.tap-the', severity: 'error', path: p(22), messageIncludes: 'thứ 23' },
        ],
      },
      {
        name: '3 cá nhân đứng trước 21 tập thể: trường hợp vượt là bản ghi thứ 24',
        hinhThuc: BK,
        dip: 'tong-ket',
        nominees: [...nguoiList(3), ...phuongList(21)],
        errors: [{ code: 'kh77.iv1.bang-khen-chu-tich.tap-the', path: p(23), messageIncludes: 'thứ 21' }],
      },
    ],
  },

  'kh77.iv1.bang-khen-chu-tich.ca-nhan': {
    valid: [
      { name: '20 cá nhân hằng năm', hinhThuc: BK, dip: 'hang-nam', nominees: nguoiList(20) },
      { name: '20 cá nhân và 20 tập thể khi sơ kết', hinhThuc: BK, dip: 'so-ket', nominees: [...nguoiList(20), ...phuongList(20)] },
      { name: 'đột xuất không có chỉ tiêu: 22 cá nhân', hinhThuc: BK, dip: 'dot-xuat', nominees: nguoiList(22) },
    ],
    invalid: [
      {
        name: '21 cá nhân hằng năm',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: nguoiList(21),
        errors: [{ code: 'kh77.iv1.bang-khen-chu-tich.ca-nhan', severity: 'error', path: p(20), messageIncludes: 'Ông Kiều Văn Khánh là trường hợp thứ 21' }],
      },
      {
        name: '23 cá nhân khi tổng kết: ba phát hiện',
        hinhThuc: BK,
        dip: 'tong-ket',
        nominees: nguoiList(23),
        errors: [
          { code: 'kh77.iv1.bang-khen-chu-tich.ca-nhan', path: p(20) },
          { code: 'kh77.iv1.bang-khen-chu-tich.ca-nhan', path: p(21) },
          { code: 'kh77.iv1.bang-khen-chu-tich.ca-nhan', path: p(22), messageIncludes: 'Ông Cao Đức Phúc là trường hợp thứ 23' },
        ],
      },
      {
        name: '2 tập thể đứng trước 21 cá nhân',
        hinhThuc: BK,
        dip: 'hang-nam',
        nominees: [...phuongList(2), ...nguoiList(21)],
        errors: [{ code: 'kh77.iv1.bang-khen-chu-tich.ca-nhan', severity: 'error', path: p(22) }],
      },
    ],
  },

  'kh77.iv1d.bang-khen-thu-tuong.xa-phuong': {
    valid: [
      { name: '2 tập thể khối xã, phường và 1 khối sở, ngành', hinhThuc: TTG, dip: 'tong-ket', nominees: [...phuongList(2), ...soList(1)] },
      { name: '1 tập thể khối xã, phường', hinhThuc: TTG, dip: 'tong-ket', nominees: [xaPhuong('UBND xã Sóc Sơn')] },
    ],
    invalid: [
      {
        name: '3 tập thể khối xã, phường',
        hinhThuc: TTG,
        dip: 'tong-ket',
        nominees: [xaPhuong('UBND phường Hoàn Kiếm'), xaPhuong('UBND xã Sóc Sơn'), xaPhuong('UBND phường Cầu Giấy')],
        errors: [{ code: 'kh77.iv1d.bang-khen-thu-tuong.xa-phuong', severity: 'error', path: p(2), messageIncludes: 'UBND phường Cầu Giấy là trường hợp thứ 3' }],
      },
      {
        name: '1 sở xen giữa 4 tập thể khối xã, phường',
        hinhThuc: TTG,
        dip: 'tong-ket',
        nominees: [xaPhuong('UBND phường Ba Đình'), so('Sở Tư pháp'), xaPhuong('UBND xã Sóc Sơn'), xaPhuong('UBND xã Đa Phúc'), xaPhuong('UBND xã Nội Bài')],
        errors: [
          { code: 'kh77.iv1d.bang-khen-thu-tuong.xa-phuong', path: p(3), messageIncludes: 'UBND xã Đa Phúc' },
          { code: 'kh77.iv1d.bang-khen-thu-tuong.xa-phuong', path: p(4), messageIncludes: 'UBND xã Nội Bài' },
        ],
      },
    ],
  },

  'kh77.iv1d.bang-khen-thu-tuong.so-nganh': {
    valid: [
      { name: '1 tập thể khối sở, ngành và 2 khối xã, phường', hinhThuc: TTG, dip: 'tong-ket', nominees: [so('Sở Tư pháp'), ...phuongList(2)] },
      { name: 'chỉ tập thể khối xã, phường', hinhThuc: TTG, dip: 'tong-ket', nominees: phuongList(2) },
    ],
    invalid: [
      {
        name: '2 tập thể khối sở, ngành',
        hinhThuc: TTG,
        dip: 'tong-ket',
        nominees: [so('Sở Tư pháp'), so('Sở Nội vụ')],
        errors: [{ code: 'kh77.iv1d.bang-khen-thu-tuong.so-nganh', severity: 'error', path: p(1), messageIncludes: 'Sở Nội vụ là trường hợp thứ 2' }],
      },
      {
        name: '2 khối xã, phường rồi 3 khối sở, ngành',
        hinhThuc: TTG,
        dip: 'tong-ket',
        nominees: [...phuongList(2), ...soList(3)],
        errors: [
          { code: 'kh77.iv1d.bang-khen-thu-tuong.so-nganh', path: p(3), messageIncludes: 'Sở Nội vụ' },
          { code: 'kh77.iv1d.bang-khen-thu-tuong.so-nganh', path: p(4), messageIncludes: 'Sở Tài chính' },
        ],
      },
    ],
  },

  'kh77.iv1d.co-thi-dua.tong': {
    valid: [
      { name: '3 xã, phường và 2 sở, ngành (đúng 5)', hinhThuc: CO, dip: 'tong-ket', nominees: [...phuongList(3), ...soList(2)] },
      { name: '4 xã, phường và 1 sở, ngành: tổng 5 không vượt (chỉ vượt chỉ tiêu khối)', hinhThuc: CO, dip: 'tong-ket', nominees: [...phuongList(4), ...soList(1)] },
    ],
    invalid: [
      {
        name: '3 xã, phường, 2 sở, ngành và 1 tập thể chưa ghi khối: tổng 6',
        hinhThuc: CO,
        dip: 'tong-ket',
        nominees: [...phuongList(3), ...soList(2), complete({ ten: 'Cục Thuế thành phố Hà Nội', khoi: undefined, loaiDonVi: 'co-quan-nganh-doc-tw' })],
        errors: [{ code: 'kh77.iv1d.co-thi-dua.tong', severity: 'error', path: p(5), messageIncludes: 'Cục Thuế thành phố Hà Nội là trường hợp thứ 6' }],
      },
      {
        name: '4 xã, phường và 3 sở, ngành: tổng 7',
        hinhThuc: CO,
        dip: 'tong-ket',
        nominees: [...phuongList(4), ...soList(3)],
        errors: [
          { code: 'kh77.iv1d.co-thi-dua.tong', path: p(5), messageIncludes: 'Danh sách có 7' },
          { code: 'kh77.iv1d.co-thi-dua.tong', path: p(6) },
        ],
      },
    ],
  },

  'kh77.iv1d.co-thi-dua.xa-phuong': {
    valid: [
      { name: '3 xã, phường và 2 sở, ngành', hinhThuc: CO, dip: 'tong-ket', nominees: [...phuongList(3), ...soList(2)] },
      { name: '3 xã, phường', hinhThuc: CO, dip: 'tong-ket', nominees: [xaPhuong('UBND xã Sóc Sơn'), xaPhuong('UBND phường Hoàn Kiếm'), xaPhuong('UBND phường Cầu Giấy')] },
    ],
    invalid: [
      {
        name: '4 xã, phường và 1 sở, ngành: chỉ vượt chỉ tiêu khối, ở bản ghi xã, phường thứ 4',
        hinhThuc: CO,
        dip: 'tong-ket',
        nominees: [...phuongList(4), ...soList(1)],
        errors: [{ code: 'kh77.iv1d.co-thi-dua.xa-phuong', severity: 'error', path: p(3), messageIncludes: 'UBND phường Ngọc Hà là trường hợp thứ 4' }],
      },
      {
        name: 'sở, ngành đứng đầu rồi 4 xã, phường',
        hinhThuc: CO,
        dip: 'tong-ket',
        nominees: [so('Sở Tư pháp'), ...phuongList(4)],
        errors: [{ code: 'kh77.iv1d.co-thi-dua.xa-phuong', path: p(4) }],
      },
    ],
  },

  'kh77.iv1d.co-thi-dua.so-nganh': {
    valid: [
      { name: '2 sở, ngành và 3 xã, phường', hinhThuc: CO, dip: 'tong-ket', nominees: [...soList(2), ...phuongList(3)] },
      { name: '1 sở, ngành', hinhThuc: CO, dip: 'tong-ket', nominees: [so('Sở Tư pháp')] },
    ],
    invalid: [
      {
        name: '1 xã, phường và 3 sở, ngành',
        hinhThuc: CO,
        dip: 'tong-ket',
        nominees: [xaPhuong('UBND xã Sóc Sơn'), ...soList(3)],
        errors: [{ code: 'kh77.iv1d.co-thi-dua.so-nganh', severity: 'error', path: p(3), messageIncludes: 'Sở Tài chính là trường hợp thứ 3' }],
      },
      {
        name: '4 sở, ngành',
        hinhThuc: CO,
        dip: 'tong-ket',
        nominees: soList(4),
        errors: [
          { code: 'kh77.iv1d.co-thi-dua.so-nganh', path: p(2) },
          { code: 'kh77.iv1d.co-thi-dua.so-nganh', path: p(3), messageIncludes: 'Sở Xây dựng' },
        ],
      },
    ],
  },

  /* ---------------------------------------------------------- kiểm tra hình thức của bộ máy quy tắc */
  [F.doiTuong]: {
    valid: [
      { name: 'Bằng khen của Thủ tướng cho tập thể', hinhThuc: TTG, dip: 'tong-ket', nominees: [xaPhuong('UBND xã Sóc Sơn')] },
      { name: 'Bằng khen của Chủ tịch cho cá nhân', hinhThuc: BK, dip: 'hang-nam', nominees: [caNhan('Bà Nguyễn Thị Thu Hà')] },
      { name: 'Giấy khen cho tập thể và cá nhân', hinhThuc: GK, dip: 'hang-nam', nominees: [xaPhuong('UBND phường Hoàn Kiếm'), caNhan('Ông Trần Quang Minh')] },
    ],
    invalid: [
      {
        name: 'Bằng khen của Thủ tướng cho cá nhân',
        hinhThuc: TTG,
        dip: 'tong-ket',
        nominees: [caNhan('Ông Lê Văn Dũng, Giám đốc Sở Tư pháp')],
        errors: [{ code: F.doiTuong, severity: 'error', path: p(0), messageIncludes: 'không xét cho cá nhân' }],
      },
      {
        name: 'Cờ thi đua: cá nhân thứ hai trong danh sách',
        hinhThuc: CO,
        dip: 'tong-ket',
        nominees: [xaPhuong('UBND phường Hoàn Kiếm'), caNhan('Bà Phạm Thị Lan', { khoi: 'xa-phuong' })],
        errors: [{ code: F.doiTuong, severity: 'error', path: p(1), messageIncludes: 'chỉ xét cho: tập thể' }],
      },
      {
        name: 'Bằng khen của Chủ tịch không xét cho hộ gia đình',
        hinhThuc: BK,
        dip: 'dot-xuat',
        nominees: [complete({ loai: 'ho-gia-dinh', ten: 'Hộ gia đình ông Nguyễn Văn Tư, xã Sóc Sơn' })],
        errors: [{ code: F.doiTuong, path: p(0), messageIncludes: 'hộ gia đình' }],
      },
    ],
  },

  [F.khoi]: {
    valid: [
      { name: 'Cờ thi đua cho tập thể có khối', hinhThuc: CO, dip: 'tong-ket', nominees: [xaPhuong('UBND xã Sóc Sơn'), so('Sở Tư pháp')] },
      { name: 'Bằng khen của Chủ tịch không phân bổ theo khối', hinhThuc: BK, dip: 'hang-nam', nominees: [complete({ ten: 'Trung tâm Phục vụ hành chính công Thành phố', khoi: undefined, loaiDonVi: 'don-vi-su-nghiep' })] },
    ],
    invalid: [
      {
        name: 'Cờ thi đua cho tập thể chưa ghi khối',
        hinhThuc: CO,
        dip: 'tong-ket',
        nominees: [xaPhuong('UBND phường Hoàn Kiếm', { khoi: undefined })],
        errors: [{ code: F.khoi, severity: 'error', path: p(0, '/khoi'), messageIncludes: 'cần ghi UBND phường Hoàn Kiếm thuộc khối nào' }],
      },
      {
        name: 'Bằng khen của Thủ tướng: tập thể thứ hai chưa ghi khối',
        hinhThuc: TTG,
        dip: 'tong-ket',
        nominees: [so('Sở Tư pháp'), complete({ ten: 'Cục Thuế thành phố Hà Nội', khoi: undefined, loaiDonVi: 'co-quan-nganh-doc-tw' })],
        errors: [{ code: F.khoi, severity: 'error', path: p(1, '/khoi'), messageIncludes: 'Cục Thuế thành phố Hà Nội' }],
      },
    ],
  },

  [F.dip]: {
    valid: [
      { name: 'Bằng khen của Thủ tướng khi tổng kết', hinhThuc: TTG, dip: 'tong-ket', nominees: [xaPhuong('UBND xã Sóc Sơn')] },
      { name: 'Bằng khen của Chủ tịch khen đột xuất', hinhThuc: BK, dip: 'dot-xuat', nominees: [complete()] },
      { name: 'Cờ thi đua khi tổng kết', hinhThuc: CO, dip: 'tong-ket', nominees: [so('Sở Tư pháp')] },
    ],
    invalid: [
      {
        name: 'Bằng khen của Thủ tướng hằng năm',
        hinhThuc: TTG,
        dip: 'hang-nam',
        nominees: [xaPhuong('UBND xã Sóc Sơn')],
        errors: [{ code: F.dip, severity: 'error', path: '/chienDich/dip', messageIncludes: 'chỉ xét trong: khen thưởng tổng kết phong trào thi đua' }],
      },
      {
        name: 'Cờ thi đua khi sơ kết',
        hinhThuc: CO,
        dip: 'so-ket',
        nominees: [so('Sở Tư pháp')],
        errors: [{ code: F.dip, severity: 'error', path: '/chienDich/dip', messageIncludes: 'Cờ thi đua của Ủy ban nhân dân Thành phố không được xét trong dịp khen thưởng sơ kết' }],
      },
      {
        name: 'Bằng khen của Thủ tướng đột xuất',
        hinhThuc: TTG,
        dip: 'dot-xuat',
        nominees: [],
        errors: [{ code: F.dip, path: '/chienDich/dip' }],
      },
    ],
  },
};
