/**
 * Authors the Word templates in templates/ (run: npm run templates). After that the .docx files are the
 * source of truth: an official may open and edit them in Word; re-running this overwrites such edits.
 * Layout follows Nghị định 30/2020/NĐ-CP Phụ lục I (see docs/TEMPLATES.md).
 * Templates hold only plain docxtemplater tags: {field}, {#section}…{/section}, {^inverted}…{/inverted}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildDocx, p, r, section, table, tc, tr, TEXT_WIDTH, mm,
  type StyleDef,
} from './ooxml.js';

const OUT = fileURLToPath(new URL('../templates/', import.meta.url));

// ---- styles: every paragraph format an official may want to change lives in a named style ----
const STYLES: StyleDef[] = [
  { id: 'VBNoiDung', name: 'VB Nội dung', p: { jc: 'both', firstLine: 720, before: 0, after: 6, line: 240 }, r: { size: 14 } },
  { id: 'VBCanCu', name: 'VB Căn cứ', basedOn: 'VBNoiDung', r: { i: true, size: 14 } },
  { id: 'VBTieuDe1', name: 'VB Tiêu đề phần', basedOn: 'VBNoiDung', p: { keepNext: true }, r: { b: true, size: 14 } },
  { id: 'VBTieuDe2', name: 'VB Tiêu đề mục', basedOn: 'VBNoiDung', p: { keepNext: true }, r: { b: true, size: 14 } },
  { id: 'VBTieuDe3', name: 'VB Tiêu đề điểm', basedOn: 'VBNoiDung', p: { keepNext: true }, r: { b: true, i: true, size: 14 } },
  { id: 'VBTieuDe4', name: 'VB Tiêu đề nhỏ', basedOn: 'VBNoiDung', p: { keepNext: true }, r: { i: true, size: 14 } },
  { id: 'VBTenLoai', name: 'VB Tên loại', p: { jc: 'center', before: 18, after: 0, keepNext: true }, r: { b: true, size: 14 } },
  { id: 'VBTrichYeu', name: 'VB Trích yếu', p: { jc: 'center', before: 0, after: 0, keepNext: true }, r: { b: true, size: 14 } },
  { id: 'VBDuongKe', name: 'VB Đường kẻ', p: { jc: 'center', before: 4, after: 0, lineExact: 2, borderTop: true }, r: { size: 2 } },
  { id: 'VBThamQuyen', name: 'VB Thẩm quyền ban hành', p: { jc: 'center', before: 6, after: 6, keepNext: true }, r: { b: true, size: 14 } },
  { id: 'VBQuyetDinh', name: 'VB Quyết định', p: { jc: 'center', before: 6, after: 6, keepNext: true }, r: { b: true, size: 14 } },
  { id: 'VBChuQuan', name: 'VB Cơ quan chủ quản', p: { jc: 'center' }, r: { size: 13 } },
  { id: 'VBCoQuan', name: 'VB Cơ quan ban hành', p: { jc: 'center' }, r: { b: true, size: 13 } },
  { id: 'VBQuocHieu', name: 'VB Quốc hiệu', p: { jc: 'center' }, r: { b: true, size: 12 } },
  { id: 'VBTieuNgu', name: 'VB Tiêu ngữ', p: { jc: 'center' }, r: { b: true, size: 13 } },
  { id: 'VBSoKyHieu', name: 'VB Số ký hiệu', p: { jc: 'center', before: 6 }, r: { size: 13 } },
  { id: 'VBDiaDanhNgay', name: 'VB Địa danh ngày tháng', p: { jc: 'center', before: 6 }, r: { i: true, size: 13 } },
  { id: 'VBKinhGui', name: 'VB Kính gửi', p: { jc: 'center', before: 6, after: 6 }, r: { size: 14 } },
  { id: 'VBNoiNhanTieuDe', name: 'VB Nơi nhận', p: { jc: 'left' }, r: { b: true, i: true, size: 12 } },
  { id: 'VBNoiNhan', name: 'VB Danh sách nơi nhận', p: { jc: 'left' }, r: { size: 11 } },
  { id: 'VBKyQuyenHan', name: 'VB Quyền hạn, chức vụ người ký', p: { jc: 'center', keepNext: true }, r: { b: true, size: 14 } },
  { id: 'VBKyGhiChu', name: 'VB Ghi chú chữ ký', p: { jc: 'center', keepNext: true }, r: { i: true, size: 14 } },
  { id: 'VBKyHoTen', name: 'VB Họ tên người ký', p: { jc: 'center', before: 72 }, r: { b: true, size: 14 } },
  { id: 'VBBang', name: 'VB Bảng', p: { jc: 'left', before: 2, after: 2 }, r: { size: 13 } },
  { id: 'VBBangGiua', name: 'VB Bảng giữa', basedOn: 'VBBang', p: { jc: 'center' }, r: { size: 13 } },
  { id: 'VBBangDauCot', name: 'VB Bảng đầu cột', p: { jc: 'center', before: 2, after: 2 }, r: { b: true, size: 13 } },
  { id: 'VBDanhSachTieuDe', name: 'VB Tiêu đề danh sách', p: { jc: 'center', keepNext: true }, r: { b: true, size: 14 } },
  { id: 'VBDanhSachGhiChu', name: 'VB Ghi chú danh sách', p: { jc: 'center', after: 12, keepNext: true }, r: { i: true, size: 14 } },
  { id: 'VBDong', name: 'VB Dòng liệt kê', basedOn: 'VBNoiDung', r: { size: 14 } },
  { id: 'VBMaBam', name: 'VB Mã băm', p: { jc: 'left', before: 2, after: 2 }, r: { size: 8 } },
  { id: 'VBKhoangCach', name: 'VB Khoảng cách giữa hai bảng', p: { before: 0, after: 0, lineExact: 6 }, r: { size: 4 } },
];

const P = (style: string, content: string | string[], extra: Parameters<typeof p>[1] = {}): string => p(content, { style, ...extra });

// ---- geometry of the header table (Phụ lục I, mục IV: ô 1–4) ----
const HEADER_LEFT = 3600; // ô 2, 3
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT; // ô 1, 4
const CELL_PAD = 85 * 2;
/** Rule under the motto: the length of "Độc lập - Tự do - Hạnh phúc" in 13 pt bold (3,178 twips). */
const MOTTO_RULE = 3180;
/** Rule under the issuer: about 1/3–1/2 of a typical issuer line ("THÀNH PHỐ HÀ NỘI": 2,593 twips). */
const ISSUER_RULE = 1100;
/** Rule under the summary (trích yếu). */
const SUMMARY_RULE = 2000;

function rule(cellWidth: number, length: number, after = 0): string {
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return P('VBDuongKe', '', { left: side, right: side, after });
}

const issuerCell = (): string[] => [
  ...section('coQuan', [
    ...section('chuQuan', [P('VBChuQuan', '{chuQuan}')]),
    P('VBCoQuan', '{ten}'),
  ]),
  rule(HEADER_LEFT - CELL_PAD, ISSUER_RULE),
];

const mottoCell = (): string[] => [
  P('VBQuocHieu', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
  P('VBTieuNgu', 'Độc lập - Tự do - Hạnh phúc'),
  rule(HEADER_RIGHT - CELL_PAD, MOTTO_RULE),
];

/** Header as a borderless two-column table: issuer and number left; Quốc hiệu, Tiêu ngữ and date right. */
function headerTable(o: { number: boolean; date: boolean; issuer?: string[] }): string {
  const rows = [tr([tc(o.issuer ?? issuerCell(), { width: HEADER_LEFT }), tc(mottoCell(), { width: HEADER_RIGHT })])];
  if (o.number || o.date) {
    rows.push(
      tr([
        tc(o.number ? [P('VBSoKyHieu', '{soKyHieuText}')] : [], { width: HEADER_LEFT }),
        tc(o.date ? [P('VBDiaDanhNgay', '{diaDanhNgayText}')] : [], { width: HEADER_RIGHT }),
      ]),
    );
  }
  return table(rows, { widths: [HEADER_LEFT, HEADER_RIGHT], borders: false });
}

const titleBlock = (typeName: string, summary: string[]): string[] => [
  P('VBTenLoai', typeName),
  ...summary,
  rule(TEXT_WIDTH, SUMMARY_RULE, 12),
];

const noiNhanParas = (before = 0): string[] => [
  P('VBNoiNhanTieuDe', 'Nơi nhận:', { before }),
  ...section('noiNhan', [...section('danhSach', [P('VBNoiNhan', '- {.};')]), P('VBNoiNhan', '- Lưu: {luu}.')]),
];

const signerParas = (): string[] => [
  ...section('nguoiKy', [
    ...section('thamQuyen', [P('VBKyQuyenHan', '{tienTo} {ten}')]),
    P('VBKyQuyenHan', '{chucVu}'),
    P('VBKyHoTen', '{hoTen}'),
  ]),
];

const SIGN_LEFT = 4300;
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;

/** Nơi nhận (bottom left, ô 9b) beside the signer block (ô 7a–7c). */
function signatureTable(left: string[], right: string[]): string {
  return table(
    [tr([tc(left, { width: SIGN_LEFT }), tc(right, { width: SIGN_RIGHT })], { cantSplit: true })],
    { widths: [SIGN_LEFT, SIGN_RIGHT], borders: false, cellTop: 240 },
  );
}

const paragraphs = (field: string, style = 'VBNoiDung'): string[] => section(field, [P(style, '{.}')]);

// ---- attached list (DANH SÁCH … kèm theo), shared by the request and the decision ----
const LIST_STT = mm(12);
const LIST_NAME = mm(62);
const LIST_REST = TEXT_WIDTH - LIST_STT - LIST_NAME;

function headerRow(cells: [string, number][]): string {
  return tr(cells.map(([t, w]) => tc([P('VBBangDauCot', t)], { width: w, vAlign: 'center' })), { header: true, cantSplit: true });
}

function attachedList(): string[] {
  const collectives = table(
    [
      headerRow([['STT', LIST_STT], ['Tên tập thể', LIST_NAME + LIST_REST]]),
      tr([tc([P('VBBangGiua', '{#dsTapThe}{stt}')], { width: LIST_STT }), tc([P('VBBang', '{ten}{/dsTapThe}')], { width: LIST_NAME + LIST_REST })], { cantSplit: true }),
    ],
    { widths: [LIST_STT, LIST_NAME + LIST_REST], borders: true },
  );
  const persons = table(
    [
      headerRow([['STT', LIST_STT], ['Họ và tên', LIST_NAME], ['Chức vụ, đơn vị công tác', LIST_REST]]),
      tr(
        [
          tc([P('VBBangGiua', '{#dsCaNhan}{stt}')], { width: LIST_STT }),
          tc([P('VBBang', '{hoTenDayDu}')], { width: LIST_NAME }),
          tc([P('VBBang', '{chucVuDonVi}{/dsCaNhan}')], { width: LIST_REST }),
        ],
        { cantSplit: true },
      ),
    ],
    { widths: [LIST_STT, LIST_NAME, LIST_REST], borders: true },
  );
  return section('coDanhSach', [
    P('VBDanhSachTieuDe', 'DANH SÁCH', { pageBreakBefore: true }),
    P('VBDanhSachTieuDe', '{danhSachTieuDe}'),
    P('VBDanhSachGhiChu', '{danhSachKemTheo}'),
    ...section('coTapThe', [P('VBTieuDe1', '{nhanTapThe} TẬP THỂ ({soTapTheText} tập thể)', { before: 6, firstLine: 0 }), collectives]),
    ...section('coCaNhan', [P('VBTieuDe1', '{nhanCaNhan} CÁ NHÂN ({soCaNhanText} cá nhân)', { before: 12, firstLine: 0 }), persons]),
  ]);
}

/** Flattened outline of a plan: every block is one paragraph in the style of its depth. */
function outlineBlocks(): string[] {
  return section('khoi', [
    ...section('laTieuDePhan', [P('VBTieuDe1', '{text}')]),
    ...section('laTieuDeMuc', [P('VBTieuDe2', '{text}')]),
    ...section('laTieuDeDiem', [P('VBTieuDe3', '{text}')]),
    ...section('laTieuDeNho', [P('VBTieuDe4', '{text}')]),
    ...section('laDoanVan', [P('VBNoiDung', '{text}')]),
  ]);
}

// ---- the kinds ----
const keHoach = (): string[] => [
  headerTable({ number: true, date: true }),
  ...titleBlock('KẾ HOẠCH', [P('VBTrichYeu', '{trichYeu}')]),
  ...paragraphs('moDau'),
  ...outlineBlocks(),
  ...paragraphs('ketLuan'),
  signatureTable(noiNhanParas(), signerParas()),
];

const toTrinh = (): string[] => [
  headerTable({ number: true, date: true }),
  ...titleBlock('TỜ TRÌNH', [P('VBTrichYeu', '{trichYeu}')]),
  ...section('kinhGuiMot', [P('VBKinhGui', 'Kính gửi: {kinhGuiMot}')]),
  ...section('kinhGuiNhieu', [
    P('VBKinhGui', '{nhan}\t{text}', { jc: 'left', left: mm(45), hanging: mm(25), before: 0, after: 0, tabs: [{ pos: mm(45) }] }),
  ]),
  ...section('canCuDong', [P('VBNoiDung', '{text}')]),
  ...paragraphs('noiDung'),
  P('VBNoiDung', '{deNghiText}'),
  P('VBNoiDung', '{ketThucText}'),
  signatureTable(noiNhanParas(), signerParas()),
  ...attachedList(),
];

const quyetDinh = (): string[] => [
  headerTable({ number: true, date: true }),
  ...titleBlock('QUYẾT ĐỊNH', [P('VBTrichYeu', '{trichYeu}')]),
  P('VBThamQuyen', '{thamQuyen}', { before: 12 }),
  ...section('canCuDong', [P('VBCanCu', '{text}')]),
  P('VBCanCu', '{theoDeNghiText}'),
  P('VBQuyetDinh', 'QUYẾT ĐỊNH:'),
  P('VBNoiDung', [r('Điều 1. ', { b: true }), r('{dieu1Text}')]),
  P('VBNoiDung', [r('Điều 2. ', { b: true }), r('{dieu2Text}')]),
  P('VBNoiDung', [r('Điều 3. ', { b: true }), r('{dieu3Text}')]),
  signatureTable(noiNhanParas(), signerParas()),
  ...attachedList(),
];

const VOTE_W = [mm(12), mm(58), mm(45), mm(27)];
VOTE_W.push(TEXT_WIDTH - VOTE_W.reduce((a, b) => a + b, 0));

const bienBan = (): string[] => [
  headerTable({ number: true, date: false }),
  ...titleBlock('BIÊN BẢN', [P('VBTrichYeu', '{trichYeu}')]),
  P('VBNoiDung', [r('Thời gian bắt đầu: ', { b: true }), r('{batDauText}.')], { before: 12 }),
  P('VBNoiDung', [r('Địa điểm: ', { b: true }), r('{diaDiem}.')]),
  P('VBNoiDung', [r('Thành phần tham dự: ', { b: true }), r('{thanhPhanText}')]),
  ...section('dsCoMat', [P('VBDong', '- {hoTen}, {chucVu};')]),
  ...section('coVangMat', [P('VBNoiDung', '{vangMatText}')]),
  ...section('dsVangMat', [P('VBDong', '- {hoTen}, {chucVu}{lyDoText};')]),
  ...section('coKhachMoi', [P('VBNoiDung', 'Đại biểu mời dự:')]),
  ...section('khachMoi', [P('VBDong', '- {hoTen}, {chucVu};')]),
  P('VBNoiDung', [r('Chủ trì (chủ tọa): ', { b: true }), r('{#chuTri}{hoTen}, {chucVu}{/chuTri}.')]),
  P('VBNoiDung', [r('Thư ký (người ghi biên bản): ', { b: true }), r('{#thuKy}{hoTen}, {chucVu}{/thuKy}.')]),
  P('VBTieuDe2', 'Nội dung:'),
  ...paragraphs('noiDung'),
  P('VBTieuDe2', 'Kết quả bỏ phiếu:'),
  P('VBNoiDung', '{ketQuaText}'),
  table(
    [
      headerRow([
        ['STT', VOTE_W[0]!],
        ['Tập thể, cá nhân được đề nghị', VOTE_W[1]!],
        ['Hình thức đề nghị', VOTE_W[2]!],
        ['Số phiếu đồng ý / tổng số thành viên', VOTE_W[3]!],
        ['Tỷ lệ', VOTE_W[4]!],
      ]),
      tr(
        [
          tc([P('VBBangGiua', '{#dsKetQua}{stt}')], { width: VOTE_W[0]! }),
          tc([P('VBBang', '{tenDayDu}')], { width: VOTE_W[1]! }),
          tc([P('VBBang', '{hinhThuc}')], { width: VOTE_W[2]! }),
          tc([P('VBBangGiua', '{phieuText}')], { width: VOTE_W[3]! }),
          tc([P('VBBangGiua', '{tyLeText}{/dsKetQua}')], { width: VOTE_W[4]! }),
        ],
        { cantSplit: true },
      ),
    ],
    { widths: VOTE_W, borders: true },
  ),
  ...section('coKetLuan', [P('VBTieuDe2', 'Kết luận:', { before: 6 })]),
  ...paragraphs('ketLuan'),
  P('VBNoiDung', 'Cuộc họp kết thúc vào {ketThucText}./.', { before: 6 }),
  ...twoSignatures(
    [[P('VBKyQuyenHan', 'THƯ KÝ', { before: 12 }), P('VBKyGhiChu', '(Ký, ghi rõ họ tên)')], [P('VBKyHoTen', '{#thuKy}{hoTen}{/thuKy}')]],
    [[P('VBKyQuyenHan', 'CHỦ TỌA', { before: 12 }), P('VBKyGhiChu', '(Ký, ghi rõ họ tên, đóng dấu)')], [P('VBKyHoTen', '{#chuTri}{hoTen}{/chuTri}')]],
  ),
  ...noiNhanParas(12),
];

const AWARD_W = [mm(18), mm(60)];
AWARD_W.push(TEXT_WIDTH - AWARD_W[0]! - AWARD_W[1]!);

function awardsTable(loop: string, nameHeader: string): string {
  return table(
    [
      headerRow([
        ['Năm', AWARD_W[0]!],
        [nameHeader, AWARD_W[1]!],
        ['Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định', AWARD_W[2]!],
      ]),
      tr(
        [
          tc([P('VBBangGiua', `{#${loop}}{nam}`)], { width: AWARD_W[0]! }),
          tc([P('VBBang', '{ten}')], { width: AWARD_W[1]! }),
          tc([P('VBBang', `{quyetDinh}{/${loop}}`)], { width: AWARD_W[2]! }),
        ],
        { cantSplit: true },
      ),
    ],
    { widths: AWARD_W, borders: true },
  );
}

const earlierAwards = (): string[] => [
  P('VBTieuDe1', 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG'),
  P('VBTieuDe2', '1. Danh hiệu thi đua'),
  ...section('coDanhHieu', [awardsTable('danhHieu', 'Danh hiệu thi đua')]),
  ...section('coDanhHieu', [P('VBNoiDung', 'Không có.')], true),
  P('VBTieuDe2', '2. Hình thức khen thưởng', { before: 6 }),
  ...section('coKhenThuong', [awardsTable('khenThuong', 'Hình thức khen thưởng')]),
  ...section('coKhenThuong', [P('VBNoiDung', 'Không có.')], true),
];

/**
 * Two signature blocks side by side: titles in the first row, names in the second, so the names line up.
 * The spacer paragraph before it keeps Word and LibreOffice from merging it with a table just above.
 */
function twoSignatures(left: [string[], string[]], right: [string[], string[]]): string[] {
  const w = TEXT_WIDTH / 2;
  return [
    P('VBKhoangCach', ''),
    table(
      [
        tr([tc(left[0], { width: w }), tc(right[0], { width: w })], { cantSplit: true }),
        tr([tc(left[1], { width: w }), tc(right[1], { width: w })], { cantSplit: true }),
      ],
      { widths: [w, w], borders: false },
    ),
  ];
}

const reportTitle = (): string[] => [
  P('VBTenLoai', 'BÁO CÁO THÀNH TÍCH'),
  P('VBTrichYeu', '{deNghiTieuDe}'),
];

const baoCaoCaNhan = (): string[] => [
  P('VBQuocHieu', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
  P('VBTieuNgu', 'Độc lập - Tự do - Hạnh phúc'),
  rule(TEXT_WIDTH, MOTTO_RULE),
  P('VBDiaDanhNgay', '{diaDanhNgayText}', { jc: 'right', before: 12 }),
  ...reportTitle(),
  rule(TEXT_WIDTH, SUMMARY_RULE, 12),
  P('VBTieuDe1', 'I. SƠ LƯỢC LÝ LỊCH'),
  ...section('lyLich', [
    P('VBDong', '- Họ và tên: {hoTen}'),
    P('VBDong', '- Ngày, tháng, năm sinh: {ngaySinhText}; giới tính: {gioiTinh}'),
    P('VBDong', '- Quê quán: {queQuan}'),
    P('VBDong', '- Trú quán: {truQuan}'),
    P('VBDong', '- Đơn vị công tác: {donVi}'),
    P('VBDong', '- Chức vụ (Đảng, chính quyền, đoàn thể): {chucVu}'),
    P('VBDong', '- Trình độ chuyên môn, nghiệp vụ: {trinhDo}'),
    ...section('hocHamHocVi', [P('VBDong', '- Học hàm, học vị, danh hiệu, giải thưởng: {hocHamHocVi}')]),
  ]),
  P('VBTieuDe1', 'II. THÀNH TÍCH ĐẠT ĐƯỢC'),
  P('VBTieuDe2', '1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận'),
  ...paragraphs('nhiemVu'),
  P('VBTieuDe2', '2. Thành tích đạt được'),
  ...paragraphs('thanhTich'),
  ...earlierAwards(),
  ...twoSignatures(
    [
      section('xacNhan', [P('VBKyQuyenHan', '{chucDanh}', { before: 12 }), P('VBKyGhiChu', '(Ký, đóng dấu)')]),
      section('xacNhan', [...section('hoTen', [P('VBKyHoTen', '{hoTen}')])]),
    ],
    [
      [P('VBKyQuyenHan', 'NGƯỜI BÁO CÁO THÀNH TÍCH', { before: 12 }), P('VBKyGhiChu', '(Ký, ghi rõ họ và tên)')],
      [P('VBKyHoTen', '{#lyLich}{hoTen}{/lyLich}')],
    ],
  ),
];

const TARGET_W = [mm(12), mm(68), mm(25), mm(25)];
TARGET_W.push(TEXT_WIDTH - TARGET_W.reduce((a, b) => a + b, 0));

const baoCaoTapThe = (): string[] => [
  headerTable({ number: false, date: true }),
  ...reportTitle(),
  P('VBTrichYeu', 'Tên tập thể đề nghị: {tenTapThe}', { before: 6 }),
  rule(TEXT_WIDTH, SUMMARY_RULE, 12),
  P('VBTieuDe1', 'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH'),
  P('VBTieuDe2', '1. Đặc điểm, tình hình'),
  ...paragraphs('dacDiem'),
  P('VBTieuDe2', '2. Chức năng, nhiệm vụ'),
  ...paragraphs('chucNang'),
  P('VBTieuDe1', 'II. THÀNH TÍCH ĐẠT ĐƯỢC'),
  P('VBTieuDe2', '1. Kết quả thực hiện nhiệm vụ'),
  ...paragraphs('thanhTich'),
  ...section('coChiTieu', [
    P('VBTieuDe4', 'Kết quả thực hiện các chỉ tiêu:'),
    table(
      [
        headerRow([['STT', TARGET_W[0]!], ['Chỉ tiêu', TARGET_W[1]!], ['Kế hoạch', TARGET_W[2]!], ['Thực hiện', TARGET_W[3]!], ['Ghi chú', TARGET_W[4]!]]),
        tr(
          [
            tc([P('VBBangGiua', '{#dsChiTieu}{stt}')], { width: TARGET_W[0]! }),
            tc([P('VBBang', '{ten}')], { width: TARGET_W[1]! }),
            tc([P('VBBangGiua', '{keHoach}')], { width: TARGET_W[2]! }),
            tc([P('VBBangGiua', '{thucHien}')], { width: TARGET_W[3]! }),
            tc([P('VBBang', '{ghiChu}{/dsChiTieu}')], { width: TARGET_W[4]! }),
          ],
          { cantSplit: true },
        ),
      ],
      { widths: TARGET_W, borders: true },
    ),
  ]),
  ...section('coDangDoanThe', [P('VBTieuDe2', '2. Công tác xây dựng Đảng, đoàn thể', { before: 6 })]),
  ...paragraphs('dangDoanThe'),
  ...earlierAwards(),
  ...twoSignatures(
    [
      section('xacNhan', [P('VBKyQuyenHan', '{chucDanh}', { before: 12 }), P('VBKyGhiChu', '(Ký, đóng dấu)')]),
      section('xacNhan', [...section('hoTen', [P('VBKyHoTen', '{hoTen}')])]),
    ],
    [
      section('nguoiKy', [P('VBKyQuyenHan', '{chucDanh}', { before: 12 }), P('VBKyGhiChu', '(Ký, đóng dấu)')]),
      [P('VBKyHoTen', '{#nguoiKy}{hoTen}{/nguoiKy}')],
    ],
  ),
];

const SLIP_PART = [mm(12), mm(70), mm(38), mm(22)];
SLIP_PART.push(TEXT_WIDTH - SLIP_PART.reduce((a, b) => a + b, 0));
const SLIP_ISSUE = [mm(12), mm(24), mm(90)];
SLIP_ISSUE.push(TEXT_WIDTH - SLIP_ISSUE.reduce((a, b) => a + b, 0));
const SLIP_FILE = [mm(12), mm(56), mm(20)];
SLIP_FILE.push(TEXT_WIDTH - SLIP_FILE.reduce((a, b) => a + b, 0));

function loopTable(widths: number[], headers: string[], loop: string, cells: [string, string][]): string {
  return table(
    [
      headerRow(headers.map((h, i) => [h, widths[i]!] as [string, number])),
      tr(
        cells.map(([style, text], i) => {
          const open = i === 0 ? `{#${loop}}` : '';
          const close = i === cells.length - 1 ? `{/${loop}}` : '';
          return tc([P(style, `${open}${text}${close}`)], { width: widths[i]! });
        }),
        { cantSplit: true },
      ),
    ],
    { widths, borders: true },
  );
}

const phieuKiemTra = (): string[] => [
  headerTable({ number: true, date: true }),
  ...titleBlock('PHIẾU KIỂM TRA HỒ SƠ', [P('VBTrichYeu', '{trichYeu}')]),
  ...section('hoSo', [
    P('VBNoiDung', [r('Đơn vị đề nghị: ', { b: true }), r('{donViDeNghi}')]),
    P('VBNoiDung', [r('Phong trào thi đua: ', { b: true }), r('{phongTrao}')]),
    P('VBNoiDung', [r('Hình thức, dịp khen thưởng: ', { b: true }), r('{hinhThuc}; {dip}')]),
    P('VBNoiDung', [r('Bộ hồ sơ theo quy định: ', { b: true }), r('{boHoSo}; đã nộp {soBoText}.')]),
  ]),
  P('VBTieuDe1', 'I. THÀNH PHẦN HỒ SƠ'),
  loopTable(SLIP_PART, ['STT', 'Thành phần', 'Của', 'Tình trạng', 'Tệp'], 'dsThanhPhan', [
    ['VBBangGiua', '{stt}'], ['VBBang', '{ten}'], ['VBBang', '{doiTuong}'], ['VBBangGiua', '{trangThaiText}'], ['VBBang', '{tep}'],
  ]),
  P('VBTieuDe1', 'II. CÁC VẤN ĐỀ CẦN KHẮC PHỤC, XÁC NHẬN', { before: 12 }),
  ...section('coVanDe', [
    loopTable(SLIP_ISSUE, ['STT', 'Mức độ', 'Nội dung', 'Căn cứ'], 'dsVanDe', [
      ['VBBangGiua', '{stt}'], ['VBBang', '{mucDoText}'], ['VBBang', '{noiDung}'], ['VBBang', '{canCu}'],
    ]),
  ]),
  ...section('coVanDe', [P('VBNoiDung', 'Không có vấn đề nào.')], true),
  P('VBTieuDe1', 'III. CÁC TỆP ĐÃ KIỂM TRA (MÃ SHA-256)', { before: 12 }),
  loopTable(SLIP_FILE, ['STT', 'Tệp', 'Dung lượng', 'Mã SHA-256'], 'dsTep', [
    ['VBBangGiua', '{stt}'], ['VBBang', '{duongDan}'], ['VBBangGiua', '{kichThuoc}'], ['VBMaBam', '{sha256}'],
  ]),
  P('VBTieuDe1', 'IV. KẾT LUẬN', { before: 12 }),
  P('VBNoiDung', '{ketLuanText}'),
  signatureTable(noiNhanParas(), signerParas()),
];

const KINDS: Record<string, { title: string; body: () => string[] }> = {
  'ke-hoach': { title: 'Kế hoạch', body: keHoach },
  'to-trinh': { title: 'Tờ trình đề nghị khen thưởng', body: toTrinh },
  'bien-ban': { title: 'Biên bản họp xét khen thưởng', body: bienBan },
  'bao-cao-thanh-tich-tap-the': { title: 'Báo cáo thành tích tập thể', body: baoCaoTapThe },
  'bao-cao-thanh-tich-ca-nhan': { title: 'Báo cáo thành tích cá nhân', body: baoCaoCaNhan },
  'quyet-dinh-khen-thuong': { title: 'Quyết định khen thưởng', body: quyetDinh },
  'phieu-kiem-tra-ho-so': { title: 'Phiếu kiểm tra hồ sơ', body: phieuKiemTra },
};

mkdirSync(OUT, { recursive: true });
for (const [id, k] of Object.entries(KINDS)) {
  const buf = buildDocx({
    title: `Mẫu ${k.title}`,
    description: `Mẫu văn bản vanban: ${k.title} (Nghị định 30/2020/NĐ-CP)`,
    body: k.body(),
    styles: STYLES,
  });
  writeFileSync(`${OUT}${id}.docx`, buf);
  console.log(`templates/${id}.docx (${buf.length} bytes)`);
}
