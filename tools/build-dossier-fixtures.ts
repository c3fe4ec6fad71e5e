/**
 * Builds the dossier fixtures (hồ sơ đề nghị khen thưởng) in test/fixtures/dossiers/:
 * run `npx tsx tools/build-dossier-fixtures.ts`. Output is deterministic (same bytes every run).
 *
 * Each dossier is a folder with `hoso.json` and real files: DOCX rendered from the document fixtures in
 * test/fixtures/<kind>/ (adapted to the nominees of the dossier), small valid one-page PDFs standing for
 * scanned papers, and a tờ trình given as JSON data (validated against its schema by the dossier check).
 * Complete dossiers are named `ok-…` and give no finding at all; `thieu-…` dossiers are derived from a
 * complete one by removing exactly one thing; `hong-…` hold a broken file. `expected.json` lists the
 * findings (code, severity, path) `checkDossier` must give for each, test/dossier/check.test.ts checks them.
 * Rules: campaigns/cchc-2026-2030.json (Kế hoạch 77/KH-UBND, mục IV.2.a, IV.3.b và Lưu ý).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { render, type KindId } from '../src/index.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const OUT = join(FIXTURES, 'dossiers');
/** Zip entry dates (local time, so the DOS date/time fields do not depend on the time zone). */
const ZIP_DATE = new Date(2026, 10, 25, 8, 0, 0);

// ------------------------------------------------------------------------------------------------
// Files
// ------------------------------------------------------------------------------------------------

type Data = Record<string, unknown>;

function fixture(kind: KindId, name: string): Data {
  return JSON.parse(readFileSync(join(FIXTURES, kind, `${name}.json`), 'utf8')) as Data;
}

/** Rewrites a zip with fixed entry dates, in the same entry order: docxtemplater stamps "now". */
function stableZip(buf: Buffer): Buffer {
  const src = new PizZip(buf);
  const out = new PizZip();
  for (const [name, file] of Object.entries(src.files)) {
    if (file.dir) continue;
    out.file(name, file.asUint8Array(), { binary: true, date: ZIP_DATE, createFolders: false });
  }
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A real DOCX rendered from document data; any finding (even a warning) is a bug of this script. */
function docx(kind: KindId, data: Data): Buffer {
  const r = render(kind, data);
  if (!r.ok || r.findings.length > 0) {
    throw new Error(`Không dựng được ${kind}: ${JSON.stringify(r.findings, null, 2)}`);
  }
  return stableZip(r.docx);
}

const jsonFile = (data: unknown): Buffer => Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');

/** Page text in the PDF base-14 font (WinAnsi): Vietnamese without diacritics. */
function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e]/g, '?');
}

function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    if (cur && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  out.push(cur);
  return out;
}

const pdfText = (s: string): string => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
/** A PDF text string in UTF-16BE with BOM: the Vietnamese title, diacritics kept. */
const pdfUnicode = (s: string): string => `<${Buffer.from(`\ufeff${s}`, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

/**
 * A minimal valid one-page PDF (A4, Helvetica) standing for a scanned paper: the title in the document
 * information (with diacritics) and the text on the page (without, as the base-14 font has no Vietnamese).
 */
function pdf(title: string, lines: string[]): Buffer {
  const rows = lines.flatMap((l) => (l === '' ? [''] : wrap(plain(l), 88)));
  const content = ['BT', '/F1 11 Tf', '15 TL', '56 786 Td', ...rows.map((r, i) => `${i ? 'T* ' : ''}${pdfText(r)} Tj`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfUnicode(title)} /Producer (vanban test fixtures) >>`,
  ];
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A scanned copy: issuer header, number and date, name of the paper, body. */
function scan(o: { title: string; issuer: string[]; so: string; noiNgay: string; ten: string; body: string[]; ky: string[] }): Buffer {
  return pdf(o.title, [
    ...o.issuer,
    `Số: ${o.so}`,
    o.noiNgay,
    '',
    o.ten,
    '',
    ...o.body,
    '',
    ...o.ky,
    '',
    '(Bản chụp từ bản chính, đính kèm hồ sơ đề nghị khen thưởng)',
  ]);
}

// ------------------------------------------------------------------------------------------------
// Dossiers
// ------------------------------------------------------------------------------------------------

interface Tep {
  duongDan: string;
  vaiTro: string;
  doiTuong?: string[];
  loaiVanBan?: string;
  daXacNhan?: boolean;
  mauSo?: string;
}

interface XacNhan {
  ma: string;
  nguoiXacNhan: string;
  chucVu: string;
  ngay: string;
}

interface DoiTuong {
  ma: string;
  loai: 'tap-the' | 'ca-nhan' | 'ho-gia-dinh';
  ten: string;
  khoi?: string;
  loaiDonVi?: string;
  duLieu?: Record<string, string | number | boolean>;
  xacNhan?: XacNhan[];
  minhChung?: { loai: string; moTa?: string; tep?: string }[];
}

interface Manifest {
  donViDeNghi: string;
  chienDich: { ma: string; hinhThuc: string; dip: string; nam?: number };
  tuyen: string;
  thuTuc?: 'thong-thuong' | 'don-gian';
  soBo: number;
  doiTuong: DoiTuong[];
  tep: Tep[];
}

interface Dossier {
  manifest: Manifest;
  files: Map<string, Buffer>;
}

interface Expected {
  code: string;
  severity: 'error' | 'warning' | 'review';
  path: string;
}

/** Adds a file and its line in the manifest. */
function add(d: Dossier, tep: Tep, data: Buffer): void {
  d.manifest.tep.push(tep);
  d.files.set(tep.duongDan, data);
}

function derive(base: Dossier, change: (d: Dossier) => void): Dossier {
  const d: Dossier = { manifest: structuredClone(base.manifest), files: new Map(base.files) };
  change(d);
  return d;
}

/** Removes a file from the folder and from the manifest. */
function removeFile(d: Dossier, path: string): void {
  const i = d.manifest.tep.findIndex((t) => t.duongDan === path);
  if (i < 0 || !d.files.has(path)) throw new Error(`Không có tệp ${path}`);
  d.manifest.tep.splice(i, 1);
  d.files.delete(path);
}

const tepIndex = (d: Dossier, path: string): number => {
  const i = d.manifest.tep.findIndex((t) => t.duongDan === path);
  if (i < 0) throw new Error(`Không có tệp ${path}`);
  return i;
};

const nomineeIndex = (d: Dossier, ma: string): number => {
  const i = d.manifest.doiTuong.findIndex((n) => n.ma === ma);
  if (i < 0) throw new Error(`Không có đối tượng ${ma}`);
  return i;
};

const nominee = (d: Dossier, ma: string): DoiTuong => d.manifest.doiTuong[nomineeIndex(d, ma)]!;

const xn = (ma: string, nguoiXacNhan: string, chucVu: string, ngay: string): XacNhan => ({ ma, nguoiXacNhan, chucVu, ngay });

const THANH_TICH_2026 = 'đã có thành tích xuất sắc trong phong trào thi đua “Cải cách hành chính đồng bộ - Chính quyền phục vụ nhân dân” năm 2026';
const BANG_KHEN = 'Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố';

// ---- ok-don-vi-bang-khen: UBND phường Ba Đình gửi Sở Nội vụ (mục IV.3.b, ý thứ nhất) ----

function donViBangKhen(): Dossier {
  const CHU_TICH = { ten: 'Hoàng Minh Đức', chucVu: 'Chủ tịch Ủy ban nhân dân phường Ba Đình' };
  const d: Dossier = {
    manifest: {
      donViDeNghi: 'Ủy ban nhân dân phường Ba Đình',
      chienDich: { ma: 'cchc-2026-2030', hinhThuc: 'bang-khen-chu-tich', dip: 'hang-nam', nam: 2026 },
      tuyen: 'don-vi',
      thuTuc: 'thong-thuong',
      soBo: 2,
      doiTuong: [
        {
          ma: 'tt1',
          loai: 'tap-the',
          ten: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
          khoi: 'xa-phuong',
          loaiDonVi: 'tap-the-tham-muu-cchc',
          duLieu: { xepLoai: 'hoan-thanh-xuat-sac', thuocDonViDanDau: true, phuTrachChiSoThanhPhan: false, thuocTrungUong: false },
          xacNhan: [
            xn('guong-mau-chap-hanh', CHU_TICH.ten, CHU_TICH.chucVu, '2026-11-10'),
            xn('noi-bo-doan-ket', CHU_TICH.ten, CHU_TICH.chucVu, '2026-11-10'),
          ],
          minhChung: [
            {
              loai: 'cong-nhan-sang-kien',
              moTa: 'Quyết định số 215/QĐ-HĐSK ngày 15/9/2026 của Hội đồng Sáng kiến phường Ba Đình công nhận mô hình “Bộ phận một cửa không chờ”',
              tep: 'minh-chung/cong-nhan-sang-kien-tt1.pdf',
            },
          ],
        },
        {
          ma: 'cn1',
          loai: 'ca-nhan',
          ten: 'Vương Đình Khải',
          loaiDonVi: 'ubnd-xa-phuong',
          duLieu: { thuocTrungUong: false },
          xacNhan: [xn('guong-mau-chap-hanh', CHU_TICH.ten, CHU_TICH.chucVu, '2026-11-10')],
          minhChung: [
            {
              loai: 'cong-nhan-sang-kien',
              moTa: 'Giấy chứng nhận sáng kiến số 41/GCN-HĐSK ngày 15/9/2026 của Hội đồng Sáng kiến phường Ba Đình (tác giả giải pháp đặt lịch hẹn trực tuyến, trợ lý ảo)',
              tep: 'minh-chung/cong-nhan-sang-kien-cn1.pdf',
            },
          ],
        },
      ],
      tep: [],
    },
    files: new Map(),
  };

  const toTrinh = fixture('to-trinh', 'to-trinh-phuong-du-thao');
  Object.assign(toTrinh, {
    so: { so: 168, kyHieu: 'TTr-UBND' },
    diaDanhNgay: { diaDanh: 'Ba Đình', ngay: 12, thang: 11, nam: 2026 },
    kinhGui: ['Sở Nội vụ thành phố Hà Nội'],
    canCu: [
      'Căn cứ Kế hoạch số 77/KH-UBND ngày 02/3/2026 của Ủy ban nhân dân Thành phố về tổ chức phong trào thi đua “Cải cách hành chính đồng bộ - Chính quyền phục vụ nhân dân” giai đoạn 2026 - 2030',
      'Căn cứ Kế hoạch số 48/KH-UBND ngày 27/3/2026 của Ủy ban nhân dân phường Ba Đình về triển khai phong trào thi đua “Cải cách hành chính đồng bộ - Chính quyền phục vụ nhân dân” trên địa bàn phường năm 2026',
      'Căn cứ Biên bản số 12/BB-HĐTĐKT ngày 10/11/2026 của Hội đồng Thi đua - Khen thưởng phường Ba Đình về việc xét đề nghị khen thưởng phong trào thi đua “Cải cách hành chính đồng bộ - Chính quyền phục vụ nhân dân” năm 2026',
    ],
    noiDung: [
      'Năm 2026, Ủy ban nhân dân phường Ba Đình đã triển khai đồng bộ các nhiệm vụ cải cách hành chính theo Kế hoạch của Thành phố. Trung tâm Phục vụ hành chính công phường tiếp nhận 18.437 hồ sơ thủ tục hành chính, trong đó 86,3% hồ sơ tiếp nhận trực tuyến; 99,7% hồ sơ được giải quyết đúng và trước hạn; tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 83,5%; Chỉ số hài lòng của người dân, doanh nghiệp đạt 92,8%.',
      'Trung tâm Phục vụ hành chính công phường đã xây dựng và đưa vào vận hành mô hình “Bộ phận một cửa không chờ” với hệ thống đặt lịch hẹn trực tuyến và trợ lý ảo hướng dẫn thủ tục hành chính, được Hội đồng Sáng kiến phường công nhận tại Quyết định số 215/QĐ-HĐSK ngày 15/9/2026; ông Vương Đình Khải, Phó Giám đốc Trung tâm là tác giả giải pháp.',
      'Trên cơ sở kết quả bình xét của Hội đồng Thi đua - Khen thưởng phường, Ủy ban nhân dân phường Ba Đình lựa chọn 01 tập thể và 01 cá nhân có thành tích tiêu biểu để đề nghị khen thưởng; hồ sơ gồm 02 bộ (bản chính).',
    ],
    deNghi: {
      loiDeNghi: 'Ủy ban nhân dân phường Ba Đình kính đề nghị Sở Nội vụ thẩm định, trình Chủ tịch Ủy ban nhân dân Thành phố xem xét, tặng',
      hinhThuc: BANG_KHEN,
      thanhTich: THANH_TICH_2026,
      tapThe: [{ ten: 'Trung tâm Phục vụ hành chính công phường Ba Đình' }],
      caNhan: [{ danhXung: 'Ông', hoTen: 'Vương Đình Khải', chucVu: 'Phó Giám đốc', donVi: 'Trung tâm Phục vụ hành chính công phường Ba Đình' }],
    },
    ketThuc: 'Ủy ban nhân dân phường Ba Đình kính đề nghị Sở Nội vụ xem xét, trình Chủ tịch Ủy ban nhân dân Thành phố quyết định',
    noiNhan: { danhSach: ['Như trên', 'Thường trực Đảng ủy phường', 'Chủ tịch, các Phó Chủ tịch UBND phường'], luu: 'VT, VP' },
  });
  add(d, { duongDan: 'to-trinh.docx', vaiTro: 'to-trinh' }, docx('to-trinh', toTrinh));
  add(d, { duongDan: 'du-lieu/to-trinh.json', vaiTro: 'to-trinh', loaiVanBan: 'to-trinh' }, jsonFile(toTrinh));

  const bienBan = fixture('bien-ban', 'bien-ban-hdtdkt-phuong-du-thao');
  Object.assign(bienBan, {
    so: { so: 12, kyHieu: 'BB-HĐTĐKT' },
    ketQuaBoPhieu: [
      { ten: 'Trung tâm Phục vụ hành chính công phường Ba Đình', loai: 'tap-the', hinhThuc: BANG_KHEN, soPhieuDongY: 7 },
      { ten: 'Ông Vương Đình Khải', loai: 'ca-nhan', donVi: 'Phó Giám đốc Trung tâm Phục vụ hành chính công phường Ba Đình', hinhThuc: BANG_KHEN, soPhieuDongY: 7 },
      { ten: 'Bà Mạc Thị Thùy Dung', loai: 'ca-nhan', donVi: 'Công chức Trung tâm Phục vụ hành chính công phường Ba Đình', hinhThuc: 'Giấy khen của Chủ tịch Ủy ban nhân dân phường', soPhieuDongY: 7 },
      { ten: 'Ông Quách Văn Thành', loai: 'ca-nhan', donVi: 'Công chức Phòng Văn hóa - Xã hội, Ủy ban nhân dân phường Ba Đình', hinhThuc: 'Giấy khen của Chủ tịch Ủy ban nhân dân phường', soPhieuDongY: 6 },
    ],
    ketLuan: [
      'Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân Thành phố tặng Bằng khen cho 01 tập thể (Trung tâm Phục vụ hành chính công phường) và 01 cá nhân (ông Vương Đình Khải); đề nghị Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho 02 cá nhân nêu trên.',
      'Giao Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường hoàn thiện hồ sơ, gửi Sở Nội vụ trước ngày 15/11/2026.',
    ],
  });
  add(d, { duongDan: 'bien-ban.docx', vaiTro: 'bien-ban' }, docx('bien-ban', bienBan));

  const baoCaoTt1: Data = {
    coQuan: { chuQuan: 'UBND PHƯỜNG BA ĐÌNH', ten: 'TRUNG TÂM PHỤC VỤ\nHÀNH CHÍNH CÔNG' },
    diaDanhNgay: { diaDanh: 'Ba Đình', ngay: 5, thang: 11, nam: 2026 },
    hinhThucDeNghi: BANG_KHEN,
    tenTapThe: 'Trung tâm Phục vụ hành chính công phường Ba Đình, thành phố Hà Nội',
    dacDiem: [
      'Trụ sở làm việc: tầng 1, trụ sở Ủy ban nhân dân phường Ba Đình, thành phố Hà Nội.',
      'Trung tâm Phục vụ hành chính công phường được thành lập từ ngày 01/7/2025 khi Thành phố thực hiện mô hình chính quyền địa phương hai cấp; là đơn vị thuộc Ủy ban nhân dân phường, tiếp nhận, trả kết quả giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông.',
      'Tổng số công chức, người lao động: 14 người (01 Giám đốc, 01 Phó Giám đốc, 12 công chức, người lao động); 100% có trình độ đại học trở lên.',
    ],
    chucNang: [
      'Trực tiếp tham mưu Ủy ban nhân dân phường tổ chức thực hiện cơ chế một cửa, một cửa liên thông, công tác cải cách hành chính và chuyển đổi số trong giải quyết thủ tục hành chính trên địa bàn phường.',
    ],
    thanhTich: [
      'Năm 2026, Trung tâm tiếp nhận 18.437 hồ sơ thủ tục hành chính, trong đó 86,3% hồ sơ tiếp nhận trực tuyến; 99,7% hồ sơ được giải quyết đúng và trước hạn; không có phản ánh, kiến nghị về thái độ phục vụ.',
      'Xây dựng, vận hành mô hình “Bộ phận một cửa không chờ” với hệ thống đặt lịch hẹn trực tuyến và trợ lý ảo hướng dẫn thủ tục hành chính, được Hội đồng Sáng kiến phường công nhận tại Quyết định số 215/QĐ-HĐSK ngày 15/9/2026; thời gian chờ bình quân của người dân giảm từ 25 phút xuống còn 7 phút.',
      'Góp phần để Ủy ban nhân dân phường Ba Đình dẫn đầu khối xã, phường về Chỉ số cải cách hành chính trong năm; tập thể được đánh giá, xếp loại “Hoàn thành xuất sắc nhiệm vụ” năm 2026.',
    ],
    chiTieu: [
      { ten: 'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến', keHoach: '≥ 80%', thucHien: '86,3%' },
      { ten: 'Tỷ lệ hồ sơ giải quyết đúng và trước hạn', keHoach: '100%', thucHien: '99,7%' },
      { ten: 'Tỷ lệ thanh toán trực tuyến phí, lệ phí', keHoach: '≥ 80%', thucHien: '83,5%' },
      { ten: 'Chỉ số hài lòng của người dân, doanh nghiệp', keHoach: '≥ 86%', thucHien: '92,8%' },
    ],
    dangDoanThe: ['Tổ Công đoàn và Chi đoàn Trung tâm tích cực tham gia các phong trào thi đua, hoạt động xã hội do phường phát động; 100% công chức, người lao động hoàn thành tốt nhiệm vụ trở lên.'],
    danhHieu: [{ nam: 2025, ten: 'Tập thể Lao động xuất sắc', quyetDinh: 'Quyết định số 356/QĐ-UBND ngày 22/12/2025 của Chủ tịch Ủy ban nhân dân phường Ba Đình' }],
    xacNhan: { chucDanh: 'XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH', hoTen: 'Hoàng Minh Đức' },
    nguoiKy: { chucDanh: 'GIÁM ĐỐC', hoTen: 'Trần Thị Phương Lan' },
  };
  add(d, { duongDan: 'bao-cao/tt1.docx', vaiTro: 'bao-cao-thanh-tich', doiTuong: ['tt1'], daXacNhan: true }, docx('bao-cao-thanh-tich-tap-the', baoCaoTt1));

  const baoCaoCn1 = fixture('bao-cao-thanh-tich-ca-nhan', 'vuong-dinh-khai-phuong-du-thao');
  Object.assign(baoCaoCn1, {
    diaDanhNgay: { diaDanh: 'Ba Đình', ngay: 5, thang: 11, nam: 2026 },
    xacNhan: { chucDanh: 'XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH', hoTen: 'Hoàng Minh Đức' },
  });
  add(d, { duongDan: 'bao-cao/cn1.docx', vaiTro: 'bao-cao-thanh-tich', doiTuong: ['cn1'], daXacNhan: true }, docx('bao-cao-thanh-tich-ca-nhan', baoCaoCn1));

  const hdsk = ['ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH', 'HỘI ĐỒNG SÁNG KIẾN'];
  add(
    d,
    { duongDan: 'minh-chung/cong-nhan-sang-kien-tt1.pdf', vaiTro: 'minh-chung', doiTuong: ['tt1'] },
    scan({
      title: 'Quyết định công nhận sáng kiến “Bộ phận một cửa không chờ”',
      issuer: hdsk,
      so: '215/QĐ-HĐSK',
      noiNgay: 'Ba Đình, ngày 15 tháng 9 năm 2026',
      ten: 'QUYẾT ĐỊNH Về việc công nhận sáng kiến cấp phường năm 2026',
      body: [
        'Điều 1. Công nhận mô hình “Bộ phận một cửa không chờ” (hệ thống đặt lịch hẹn trực tuyến và trợ lý ảo hướng dẫn thủ tục hành chính) của Trung tâm Phục vụ hành chính công phường Ba Đình là sáng kiến cấp phường năm 2026.',
        'Điều 2. Mô hình được áp dụng tại Trung tâm Phục vụ hành chính công phường từ ngày 01/6/2026, có hiệu quả trong giải quyết thủ tục hành chính cho người dân, doanh nghiệp.',
        'Điều 3. Quyết định có hiệu lực kể từ ngày ký.',
      ],
      ky: ['TM. HỘI ĐỒNG SÁNG KIẾN', 'CHỦ TỊCH', 'Hoàng Minh Đức'],
    }),
  );
  add(
    d,
    { duongDan: 'minh-chung/cong-nhan-sang-kien-cn1.pdf', vaiTro: 'minh-chung', doiTuong: ['cn1'] },
    scan({
      title: 'Giấy chứng nhận sáng kiến: ông Vương Đình Khải',
      issuer: hdsk,
      so: '41/GCN-HĐSK',
      noiNgay: 'Ba Đình, ngày 15 tháng 9 năm 2026',
      ten: 'GIẤY CHỨNG NHẬN SÁNG KIẾN',
      body: [
        'Chứng nhận ông Vương Đình Khải, Phó Giám đốc Trung tâm Phục vụ hành chính công phường Ba Đình là tác giả giải pháp “Hệ thống đặt lịch hẹn trực tuyến và trợ lý ảo hướng dẫn thủ tục hành chính” thuộc mô hình “Bộ phận một cửa không chờ”.',
        'Giải pháp được Hội đồng Sáng kiến phường công nhận tại Quyết định số 215/QĐ-HĐSK ngày 15/9/2026.',
      ],
      ky: ['TM. HỘI ĐỒNG SÁNG KIẾN', 'CHỦ TỊCH', 'Hoàng Minh Đức'],
    }),
  );
  return d;
}

// ---- ok-so-noi-vu-trinh-ubnd: Sở Nội vụ trình UBND Thành phố (mục IV.3.b, ý thứ hai; Lưu ý) ----

function soNoiVu(): Dossier {
  const d: Dossier = {
    manifest: {
      donViDeNghi: 'Sở Nội vụ thành phố Hà Nội',
      chienDich: { ma: 'cchc-2026-2030', hinhThuc: 'bang-khen-chu-tich', dip: 'hang-nam', nam: 2026 },
      tuyen: 'so-noi-vu',
      thuTuc: 'thong-thuong',
      soBo: 1,
      doiTuong: [
        {
          ma: 'tt1',
          loai: 'tap-the',
          ten: 'Ủy ban nhân dân phường Hoàn Kiếm',
          khoi: 'xa-phuong',
          loaiDonVi: 'ubnd-xa-phuong',
          duLieu: {
            chiSoCCHC: 92.36,
            sipas: 89.7,
            phuTrachChiSoThanhPhan: true,
            diemThanhPhanNamXet: 8.62,
            diemThanhPhanNamTruoc: 8.15,
            thuocTrungUong: false,
          },
          xacNhan: [
            xn('guong-mau-chap-hanh', 'Lê Minh Quang', 'Giám đốc Sở Nội vụ thành phố Hà Nội', '2026-11-20'),
            xn('noi-bo-doan-ket', 'Lê Minh Quang', 'Giám đốc Sở Nội vụ thành phố Hà Nội', '2026-11-20'),
          ],
          minhChung: [
            {
              loai: 'cong-nhan-sang-kien',
              moTa: 'Quyết định số 87/QĐ-HĐSK ngày 28/8/2026 của Hội đồng Sáng kiến phường Hoàn Kiếm công nhận giải pháp “Hoàn Kiếm số - một điểm chạm”',
              tep: 'minh-chung/cong-nhan-sang-kien-tt1.pdf',
            },
          ],
        },
        {
          ma: 'tt2',
          loai: 'tap-the',
          ten: 'Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long',
          loaiDonVi: 'doanh-nghiep',
          duLieu: { phuTrachChiSoThanhPhan: false, thuocTrungUong: false },
          xacNhan: [
            xn('guong-mau-chap-hanh', 'Trần Đức Minh', 'Phó Chủ tịch Ủy ban nhân dân phường Cầu Giấy', '2026-11-06'),
            xn('noi-bo-doan-ket', 'Trần Đức Minh', 'Phó Chủ tịch Ủy ban nhân dân phường Cầu Giấy', '2026-11-06'),
          ],
          minhChung: [
            {
              loai: 'cong-nhan-sang-kien',
              moTa: 'Quyết định số 1462/QĐ-HĐSK ngày 10/10/2026 của Hội đồng Sáng kiến Thành phố công nhận giải pháp “Kiosk dịch vụ công tự phục vụ tích hợp định danh điện tử”',
              tep: 'minh-chung/cong-nhan-sang-kien-tt2.pdf',
            },
          ],
        },
        {
          ma: 'tt3',
          loai: 'tap-the',
          ten: 'Thuế cơ sở 1 thành phố Hà Nội',
          loaiDonVi: 'khac',
          duLieu: { thuocTrungUong: true, phuTrachChiSoThanhPhan: false },
          xacNhan: [
            xn('guong-mau-chap-hanh', 'Nguyễn Tiến Trường', 'Trưởng Thuế thành phố Hà Nội', '2026-11-07'),
            xn('noi-bo-doan-ket', 'Nguyễn Tiến Trường', 'Trưởng Thuế thành phố Hà Nội', '2026-11-07'),
          ],
          minhChung: [
            {
              loai: 'cong-nhan-sang-kien',
              moTa: 'Quyết định số 312/QĐ-HĐSK ngày 22/9/2026 của Hội đồng Sáng kiến Thuế thành phố Hà Nội công nhận giải pháp “Trợ lý ảo hỗ trợ hộ kinh doanh kê khai thuế”',
              tep: 'minh-chung/cong-nhan-sang-kien-tt3.pdf',
            },
          ],
        },
        {
          ma: 'cn1',
          loai: 'ca-nhan',
          ten: 'Nguyễn Thị Thu Hà',
          loaiDonVi: 'so-ban-nganh',
          duLieu: { thuocTrungUong: false },
          xacNhan: [xn('guong-mau-chap-hanh', 'Lê Minh Quang', 'Giám đốc Sở Nội vụ thành phố Hà Nội', '2026-11-20')],
          minhChung: [
            {
              loai: 'cong-nhan-sang-kien',
              moTa: 'Quyết định số 96/QĐ-HĐSK ngày 18/8/2026 của Hội đồng Sáng kiến Sở Nội vụ công nhận giải pháp “Bảng điều khiển theo dõi Chỉ số CCHC trực tuyến”',
              tep: 'minh-chung/cong-nhan-sang-kien-cn1.pdf',
            },
          ],
        },
      ],
      tep: [],
    },
    files: new Map(),
  };
  const TAP_THE = ['Ủy ban nhân dân phường Hoàn Kiếm', 'Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long', 'Thuế cơ sở 1 thành phố Hà Nội'];

  const toTrinh = fixture('to-trinh', 'to-trinh-so-noi-vu-bang-khen');
  const noiDung = toTrinh.noiDung as string[];
  Object.assign(toTrinh, {
    noiDung: [
      noiDung[0],
      'Đến ngày 15/11/2026, Sở Nội vụ nhận được hồ sơ đề nghị khen thưởng của 07 cơ quan, đơn vị, địa phương với 05 tập thể và 03 cá nhân. Sau khi thẩm định hồ sơ theo tiêu chuẩn quy định tại khoản 2 Mục IV Kế hoạch số 77/KH-UBND, ngày 20/11/2026 Hội đồng Thi đua - Khen thưởng Sở Nội vụ đã họp, bỏ phiếu kín xét chọn 03 tập thể và 01 cá nhân đủ điều kiện, tiêu chuẩn đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố.',
      'Các tập thể, cá nhân được đề nghị đều có mô hình, giải pháp cải cách hành chính được Hội đồng Sáng kiến công nhận; báo cáo thành tích có xác nhận của cơ quan, đơn vị trình khen và xác nhận của Sở Y tế; hồ sơ của doanh nghiệp có văn bản xác nhận của chính quyền địa phương nơi đóng trụ sở và xác nhận của cơ quan có thẩm quyền về thực hiện nghĩa vụ; hồ sơ của Thuế cơ sở 1 thành phố Hà Nội có xác nhận của cơ quan quản lý về tổ chức, cán bộ, công chức, người lao động và quỹ lương theo Kế hoạch số 77/KH-UBND.',
    ],
    deNghi: {
      ...(toTrinh.deNghi as Data),
      tapThe: TAP_THE.map((ten) => ({ ten })),
      caNhan: [{ danhXung: 'Bà', hoTen: 'Nguyễn Thị Thu Hà', chucVu: 'Trưởng phòng Cải cách hành chính', donVi: 'Sở Nội vụ' }],
    },
  });
  add(d, { duongDan: 'to-trinh.docx', vaiTro: 'to-trinh' }, docx('to-trinh', toTrinh));

  const bienBan = fixture('bien-ban', 'bien-ban-hdtdkt-so-noi-vu');
  const bbNoiDung = bienBan.noiDung as string[];
  Object.assign(bienBan, {
    noiDung: [
      bbNoiDung[0],
      'Đồng chí Hoàng Thị Lan, Phó Trưởng Ban Thi đua - Khen thưởng, Ủy viên Thường trực Hội đồng báo cáo kết quả tổng hợp, thẩm định hồ sơ: đến ngày 15/11/2026, Sở Nội vụ nhận được hồ sơ của 07 cơ quan, đơn vị, địa phương đề nghị khen thưởng 05 tập thể và 03 cá nhân. Qua thẩm định, 02 tập thể và 01 cá nhân chưa đủ tiêu chuẩn do Chỉ số CCHC năm 2025 của đơn vị đạt dưới 90% điểm hoặc chưa có giải pháp được Hội đồng Sáng kiến công nhận; Ban Thi đua - Khen thưởng đề nghị Hội đồng xem xét 03 tập thể và 02 cá nhân.',
      ...bbNoiDung.slice(2),
    ],
    ketQuaBoPhieu: [
      { ten: TAP_THE[0], loai: 'tap-the', hinhThuc: BANG_KHEN, soPhieuDongY: 13 },
      { ten: TAP_THE[1], loai: 'tap-the', hinhThuc: BANG_KHEN, soPhieuDongY: 12 },
      { ten: TAP_THE[2], loai: 'tap-the', hinhThuc: BANG_KHEN, soPhieuDongY: 11 },
      { ten: 'Bà Nguyễn Thị Thu Hà', loai: 'ca-nhan', donVi: 'Trưởng phòng Cải cách hành chính, Sở Nội vụ', hinhThuc: BANG_KHEN, soPhieuDongY: 12 },
      { ten: 'Ông Tạ Quang Dũng', loai: 'ca-nhan', donVi: 'Công chức Văn hóa - Xã hội, Ủy ban nhân dân phường Tây Hồ', hinhThuc: BANG_KHEN, soPhieuDongY: 5 },
    ],
    ketLuan: [
      'Căn cứ kết quả bỏ phiếu, Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân Thành phố tặng Bằng khen cho 03 tập thể và 01 cá nhân có tỷ lệ phiếu đồng ý trên 50% tổng số thành viên Hội đồng (có danh sách kèm theo).',
      ...(bienBan.ketLuan as string[]).slice(1),
    ],
  });
  add(d, { duongDan: 'bien-ban.docx', vaiTro: 'bien-ban' }, docx('bien-ban', bienBan));

  const chucNangPhuong = 'Ủy ban nhân dân phường là cơ quan hành chính nhà nước ở địa phương, thực hiện chức năng, nhiệm vụ, quyền hạn theo Luật Tổ chức chính quyền địa phương năm 2025 và các nhiệm vụ được Ủy ban nhân dân Thành phố phân cấp, ủy quyền; trực tiếp tiếp nhận, giải quyết thủ tục hành chính cho người dân, doanh nghiệp trên địa bàn.';
  const baoCao: Record<string, [KindId, Data]> = {
    tt1: [
      'bao-cao-thanh-tich-tap-the',
      {
        coQuan: { ten: 'ỦY BAN NHÂN DÂN\nPHƯỜNG HOÀN KIẾM' },
        diaDanhNgay: { diaDanh: 'Hoàn Kiếm', ngay: 3, thang: 11, nam: 2026 },
        hinhThucDeNghi: BANG_KHEN,
        tenTapThe: 'Ủy ban nhân dân phường Hoàn Kiếm, thành phố Hà Nội',
        dacDiem: [
          'Trụ sở làm việc: phường Hoàn Kiếm, thành phố Hà Nội.',
          'Phường Hoàn Kiếm được thành lập từ ngày 01/7/2025 khi Thành phố thực hiện mô hình chính quyền địa phương hai cấp; là trung tâm chính trị, hành chính, văn hóa, du lịch, thương mại của Thủ đô, có số lượng doanh nghiệp, hộ kinh doanh và khách du lịch lớn.',
        ],
        chucNang: [chucNangPhuong],
        thanhTich: [
          'Chỉ số cải cách hành chính năm 2025 của phường do Ủy ban nhân dân Thành phố công bố đạt 92,36%; Chỉ số hài lòng (SIPAS) đạt 89,70%, thuộc nhóm dẫn đầu khối xã, phường.',
          'Triển khai giải pháp “Hoàn Kiếm số - một điểm chạm” kết nối ứng dụng iHanoi với hệ thống thông tin giải quyết thủ tục hành chính, cho phép người dân theo dõi hồ sơ, nhận thông báo và đánh giá mức độ hài lòng trên một ứng dụng; giải pháp được Hội đồng Sáng kiến phường công nhận tại Quyết định số 87/QĐ-HĐSK ngày 28/8/2026.',
          'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến đạt 88,1%; 100% hồ sơ được số hóa; không có hồ sơ giải quyết quá hạn.',
          'Là đơn vị được chọn lấy mẫu Chỉ số hài lòng (SIPAS) của Thành phố; điểm các nội dung được giao phụ trách năm 2026 đạt 8,62 điểm, tăng 0,47 điểm so với năm 2025 (8,15 điểm).',
        ],
        chiTieu: [
          { ten: 'Chỉ số cải cách hành chính (PAR INDEX) năm 2025', keHoach: '≥ 90%', thucHien: '92,36%' },
          { ten: 'Chỉ số hài lòng (SIPAS) năm 2025', keHoach: '≥ 86%', thucHien: '89,70%' },
          { ten: 'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến', keHoach: '≥ 80%', thucHien: '88,1%' },
        ],
        danhHieu: [],
        xacNhan: { chucDanh: 'XÁC NHẬN CỦA SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI', hoTen: 'Lê Minh Quang' },
        nguoiKy: { chucDanh: 'CHỦ TỊCH', hoTen: 'Đặng Thị Minh Phương' },
      },
    ],
    tt2: [
      'bao-cao-thanh-tich-tap-the',
      {
        coQuan: { ten: 'CÔNG TY CỔ PHẦN CÔNG NGHỆ\nDỊCH VỤ CÔNG THĂNG LONG' },
        diaDanhNgay: { diaDanh: 'Hà Nội', ngay: 4, thang: 11, nam: 2026 },
        hinhThucDeNghi: BANG_KHEN,
        tenTapThe: 'Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long',
        dacDiem: [
          'Trụ sở: số 18 phố Duy Tân, phường Cầu Giấy, thành phố Hà Nội.',
          'Công ty được thành lập theo Giấy chứng nhận đăng ký doanh nghiệp số 0109187346 cấp lần đầu ngày 12/4/2020; tổng số lao động 126 người, trong đó 98 kỹ sư công nghệ thông tin.',
        ],
        chucNang: [
          'Nghiên cứu, phát triển và cung cấp giải pháp phần mềm, dịch vụ công nghệ thông tin phục vụ giải quyết thủ tục hành chính, chuyển đổi số của cơ quan nhà nước.',
        ],
        thanhTich: [
          'Phối hợp với Sở Nội vụ và Ủy ban nhân dân các xã, phường triển khai giải pháp “Kiosk dịch vụ công tự phục vụ tích hợp định danh điện tử” tại 45 Trung tâm Phục vụ hành chính công xã, phường; giải pháp được Hội đồng Sáng kiến Thành phố công nhận tại Quyết định số 1462/QĐ-HĐSK ngày 10/10/2026.',
          'Hoàn thành đầy đủ nghĩa vụ nộp ngân sách nhà nước, bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp cho 100% người lao động; chấp hành tốt các quy định về bảo vệ môi trường, an toàn, vệ sinh lao động.',
        ],
        danhHieu: [],
        xacNhan: { chucDanh: 'XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG CẦU GIẤY', hoTen: 'Trần Đức Minh' },
        nguoiKy: { chucDanh: 'TỔNG GIÁM ĐỐC', hoTen: 'Lương Văn Quyết' },
      },
    ],
    tt3: [
      'bao-cao-thanh-tich-tap-the',
      {
        coQuan: { chuQuan: 'THUẾ THÀNH PHỐ HÀ NỘI', ten: 'THUẾ CƠ SỞ 1\nTHÀNH PHỐ HÀ NỘI' },
        diaDanhNgay: { diaDanh: 'Hà Nội', ngay: 5, thang: 11, nam: 2026 },
        hinhThucDeNghi: BANG_KHEN,
        tenTapThe: 'Thuế cơ sở 1 thành phố Hà Nội',
        dacDiem: [
          'Thuế cơ sở 1 thành phố Hà Nội là đơn vị thuộc Thuế thành phố Hà Nội (Cục Thuế, Bộ Tài chính), quản lý thuế trên địa bàn các phường Hoàn Kiếm, Cửa Nam, Ba Đình và các phường lân cận.',
          'Tổng số công chức, người lao động: 86 người.',
        ],
        chucNang: [
          'Tổ chức thực hiện công tác quản lý thuế, phí, lệ phí và các khoản thu khác của ngân sách nhà nước trên địa bàn được giao; phối hợp với Ủy ban nhân dân các phường trong giải quyết thủ tục hành chính liên thông về đất đai, đăng ký kinh doanh.',
        ],
        thanhTich: [
          'Phối hợp với Ủy ban nhân dân các phường Hoàn Kiếm, Cửa Nam, Ba Đình triển khai liên thông điện tử thủ tục đăng ký đất đai - xác định nghĩa vụ tài chính; thời gian xác định nghĩa vụ tài chính giảm từ 05 ngày làm việc xuống còn 02 ngày làm việc.',
          'Giải pháp “Trợ lý ảo hỗ trợ hộ kinh doanh kê khai thuế” được Hội đồng Sáng kiến Thuế thành phố Hà Nội công nhận tại Quyết định số 312/QĐ-HĐSK ngày 22/9/2026, hỗ trợ hơn 9.000 lượt hộ kinh doanh trên địa bàn.',
        ],
        danhHieu: [],
        xacNhan: { chucDanh: 'XÁC NHẬN CỦA THUẾ THÀNH PHỐ HÀ NỘI', hoTen: 'Nguyễn Tiến Trường' },
        nguoiKy: { chucDanh: 'TRƯỞNG THUẾ CƠ SỞ', hoTen: 'Vũ Thị Hải Yến' },
      },
    ],
    cn1: ['bao-cao-thanh-tich-ca-nhan', fixture('bao-cao-thanh-tich-ca-nhan', 'nguyen-thi-thu-ha-so-noi-vu')],
  };
  for (const [ma, [kind, data]] of Object.entries(baoCao)) {
    add(d, { duongDan: `bao-cao/${ma}.docx`, vaiTro: 'bao-cao-thanh-tich', doiTuong: [ma], daXacNhan: true }, docx(kind, data));
  }

  add(
    d,
    { duongDan: 'xac-nhan/so-y-te.pdf', vaiTro: 'xac-nhan-so-y-te', doiTuong: ['tt1', 'tt2', 'tt3', 'cn1'] },
    scan({
      title: 'Công văn xác nhận của Sở Y tế về các tập thể, cá nhân đề nghị khen thưởng',
      issuer: ['UBND THÀNH PHỐ HÀ NỘI', 'SỞ Y TẾ'],
      so: '7415/SYT-VP',
      noiNgay: 'Hà Nội, ngày 18 tháng 11 năm 2026',
      ten: 'V/v xác nhận hồ sơ đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố (phong trào thi đua CCHC năm 2026)',
      body: [
        'Kính gửi: Sở Nội vụ thành phố Hà Nội.',
        'Phúc đáp Công văn số 3920/SNV-BTĐ ngày 12/11/2026 của Sở Nội vụ, Sở Y tế xác nhận: các tập thể Ủy ban nhân dân phường Hoàn Kiếm; Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long; Thuế cơ sở 1 thành phố Hà Nội và bà Nguyễn Thị Thu Hà, Trưởng phòng Cải cách hành chính, Sở Nội vụ không vi phạm các quy định trong lĩnh vực y tế thuộc phạm vi quản lý của Sở Y tế.',
      ],
      ky: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Hồ Thị Thanh Tâm'],
    }),
  );
  add(
    d,
    { duongDan: 'xac-nhan/chinh-quyen-dia-phuong-tt2.pdf', vaiTro: 'xac-nhan-chinh-quyen-dia-phuong', doiTuong: ['tt2'] },
    scan({
      title: 'Xác nhận của UBND phường Cầu Giấy: Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long',
      issuer: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG CẦU GIẤY'],
      so: '1187/UBND-VP',
      noiNgay: 'Cầu Giấy, ngày 02 tháng 11 năm 2026',
      ten: 'V/v xác nhận doanh nghiệp đóng trụ sở trên địa bàn phường',
      body: [
        'Ủy ban nhân dân phường Cầu Giấy xác nhận Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long có trụ sở tại số 18 phố Duy Tân, phường Cầu Giấy; ông Lương Văn Quyết, Tổng Giám đốc, cư trú tại phường Cầu Giấy.',
        'Trong năm 2026, doanh nghiệp và người đứng đầu doanh nghiệp chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa phương.',
      ],
      ky: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Đức Minh'],
    }),
  );
  add(
    d,
    { duongDan: 'xac-nhan/nghia-vu-tt2.pdf', vaiTro: 'xac-nhan-nghia-vu', doiTuong: ['tt2'] },
    scan({
      title: 'Xác nhận hoàn thành nghĩa vụ thuế, bảo hiểm xã hội, chấp hành pháp luật: Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long',
      issuer: ['THUẾ THÀNH PHỐ HÀ NỘI', 'BẢO HIỂM XÃ HỘI THÀNH PHỐ HÀ NỘI'],
      so: '2210/XN-TCT; 1534/BHXH-QLT',
      noiNgay: 'Hà Nội, ngày 30 tháng 10 năm 2026',
      ten: 'XÁC NHẬN hoàn thành nghĩa vụ nộp ngân sách nhà nước, bảo hiểm xã hội; chấp hành pháp luật, bảo đảm môi trường, an toàn, vệ sinh lao động',
      body: [
        'Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long (mã số thuế 0109187346) đã hoàn thành nghĩa vụ nộp ngân sách nhà nước năm 2025 và 06 tháng đầu năm 2026, không có nợ thuế.',
        'Công ty đã đóng đầy đủ bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp cho 126 lao động đến hết tháng 9/2026, không nợ đóng.',
        'Kèm theo: xác nhận của Sở Nông nghiệp và Môi trường về bảo đảm môi trường; xác nhận của Thanh tra Sở Nội vụ về chấp hành quy định an toàn, vệ sinh lao động.',
      ],
      ky: ['THUẾ THÀNH PHỐ HÀ NỘI', 'BẢO HIỂM XÃ HỘI THÀNH PHỐ HÀ NỘI'],
    }),
  );
  add(
    d,
    { duongDan: 'xac-nhan/to-chuc-can-bo-tt3.pdf', vaiTro: 'xac-nhan-to-chuc-can-bo', doiTuong: ['tt3'] },
    scan({
      title: 'Xác nhận về tổ chức, cán bộ và quỹ lương: Thuế cơ sở 1 thành phố Hà Nội',
      issuer: ['CỤC THUẾ', 'THUẾ THÀNH PHỐ HÀ NỘI'],
      so: '845/XN-TCCB',
      noiNgay: 'Hà Nội, ngày 06 tháng 11 năm 2026',
      ten: 'XÁC NHẬN về tổ chức, cán bộ, công chức, viên chức, người lao động và quỹ lương',
      body: [
        'Thuế thành phố Hà Nội xác nhận Thuế cơ sở 1 thành phố Hà Nội là đơn vị trực thuộc, có 86 công chức, người lao động; tổ chức bộ máy, biên chế và quỹ lương do Thuế thành phố Hà Nội quản lý theo quy định của Bộ Tài chính.',
        'Đơn vị có thành tích trong tham gia các hoạt động cải cách hành chính với thành phố Hà Nội năm 2026.',
      ],
      ky: ['TRƯỞNG THUẾ THÀNH PHỐ', 'Nguyễn Tiến Trường'],
    }),
  );
  const sangKien: [string, string, string, string, string][] = [
    ['tt1', 'ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM', '87/QĐ-HĐSK', 'Hoàn Kiếm, ngày 28 tháng 8 năm 2026', 'giải pháp “Hoàn Kiếm số - một điểm chạm” của Ủy ban nhân dân phường Hoàn Kiếm'],
    ['tt2', 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', '1462/QĐ-HĐSK', 'Hà Nội, ngày 10 tháng 10 năm 2026', 'giải pháp “Kiosk dịch vụ công tự phục vụ tích hợp định danh điện tử” của Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long'],
    ['tt3', 'THUẾ THÀNH PHỐ HÀ NỘI', '312/QĐ-HĐSK', 'Hà Nội, ngày 22 tháng 9 năm 2026', 'giải pháp “Trợ lý ảo hỗ trợ hộ kinh doanh kê khai thuế” của Thuế cơ sở 1 thành phố Hà Nội'],
    ['cn1', 'SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI', '96/QĐ-HĐSK', 'Hà Nội, ngày 18 tháng 8 năm 2026', 'giải pháp “Bảng điều khiển theo dõi Chỉ số CCHC trực tuyến”, tác giả bà Nguyễn Thị Thu Hà, Trưởng phòng Cải cách hành chính'],
  ];
  for (const [ma, issuer, so, noiNgay, what] of sangKien) {
    add(
      d,
      { duongDan: `minh-chung/cong-nhan-sang-kien-${ma}.pdf`, vaiTro: 'minh-chung', doiTuong: [ma] },
      scan({
        title: `Quyết định công nhận sáng kiến số ${so}`,
        issuer: [issuer, 'HỘI ĐỒNG SÁNG KIẾN'],
        so,
        noiNgay,
        ten: 'QUYẾT ĐỊNH Về việc công nhận sáng kiến năm 2026',
        body: [`Điều 1. Công nhận ${what} là sáng kiến năm 2026, đã được triển khai áp dụng trong thực tiễn giải quyết thủ tục hành chính.`, 'Điều 2. Quyết định có hiệu lực kể từ ngày ký.'],
        ky: ['TM. HỘI ĐỒNG SÁNG KIẾN', 'CHỦ TỊCH'],
      }),
    );
  }
  return d;
}

// ---- ok-dot-xuat: khen thưởng đột xuất, thủ tục đơn giản (mục IV.1.a; IV.3.b, ý thứ ba) ----

function dotXuat(): Dossier {
  const CHU_TICH = { ten: 'Hoàng Minh Đức', chucVu: 'Chủ tịch Ủy ban nhân dân phường Ba Đình' };
  const TO = 'Tổ công nghệ số cộng đồng phường Ba Đình';
  const d: Dossier = {
    manifest: {
      donViDeNghi: 'Ủy ban nhân dân phường Ba Đình',
      chienDich: { ma: 'cchc-2026-2030', hinhThuc: 'bang-khen-chu-tich', dip: 'dot-xuat', nam: 2026 },
      tuyen: 'don-vi',
      soBo: 2,
      doiTuong: [
        {
          ma: 'tt1',
          loai: 'tap-the',
          ten: TO,
          loaiDonVi: 'khac',
          duLieu: { phuTrachChiSoThanhPhan: false, thuocTrungUong: false },
          xacNhan: [
            xn('guong-mau-chap-hanh', CHU_TICH.ten, CHU_TICH.chucVu, '2026-10-21'),
            xn('noi-bo-doan-ket', CHU_TICH.ten, CHU_TICH.chucVu, '2026-10-21'),
          ],
        },
        {
          ma: 'cn1',
          loai: 'ca-nhan',
          ten: 'Mạc Thị Thùy Dung',
          loaiDonVi: 'ubnd-xa-phuong',
          duLieu: { thuocTrungUong: false },
          xacNhan: [xn('guong-mau-chap-hanh', CHU_TICH.ten, CHU_TICH.chucVu, '2026-10-21')],
        },
      ],
      tep: [],
    },
    files: new Map(),
  };
  const THANH_TICH = 'đã có thành tích đột xuất trong hỗ trợ người dân giải quyết thủ tục hành chính đợt cao điểm tháng 10 năm 2026, phong trào thi đua “Cải cách hành chính đồng bộ - Chính quyền phục vụ nhân dân”';

  const toTrinh = fixture('to-trinh', 'to-trinh-phuong-du-thao');
  Object.assign(toTrinh, {
    so: { so: 181, kyHieu: 'TTr-UBND' },
    diaDanhNgay: { diaDanh: 'Ba Đình', ngay: 22, thang: 10, nam: 2026 },
    trichYeu: 'Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho tập thể, cá nhân có thành tích đột xuất trong công tác cải cách hành chính',
    kinhGui: ['Sở Nội vụ thành phố Hà Nội'],
    canCu: [
      'Căn cứ Kế hoạch số 77/KH-UBND ngày 02/3/2026 của Ủy ban nhân dân Thành phố về tổ chức phong trào thi đua “Cải cách hành chính đồng bộ - Chính quyền phục vụ nhân dân” giai đoạn 2026 - 2030',
    ],
    noiDung: [
      'Từ ngày 05/10 đến ngày 16/10/2026, Trung tâm Phục vụ hành chính công phường Ba Đình tiếp nhận lượng hồ sơ đăng ký biến động đất đai tăng gấp 03 lần bình thường. Tổ công nghệ số cộng đồng phường đã chủ động triển khai giải pháp “Phiếu hẹn điện tử và hỗ trợ nộp hồ sơ tại nhà”, trực tiếp hỗ trợ 1.240 lượt người cao tuổi, người khuyết tật nộp hồ sơ trực tuyến; 100% hồ sơ được giải quyết đúng hạn.',
      'Bà Mạc Thị Thùy Dung, công chức Trung tâm Phục vụ hành chính công phường là đồng tác giả giải pháp, trực tiếp tiếp nhận, xử lý 412 hồ sơ trong đợt cao điểm. Giải pháp được Hội đồng Sáng kiến phường công nhận tại Quyết định số 263/QĐ-HĐSK ngày 20/10/2026.',
    ],
    deNghi: {
      loiDeNghi: 'Ủy ban nhân dân phường Ba Đình kính đề nghị Sở Nội vụ thẩm định, trình Chủ tịch Ủy ban nhân dân Thành phố xem xét, tặng',
      hinhThuc: BANG_KHEN,
      thanhTich: THANH_TICH,
      tapThe: [{ ten: TO }],
      caNhan: [{ danhXung: 'Bà', hoTen: 'Mạc Thị Thùy Dung', chucVu: 'Công chức', donVi: 'Trung tâm Phục vụ hành chính công phường Ba Đình' }],
    },
    ketThuc: 'Ủy ban nhân dân phường Ba Đình kính đề nghị Sở Nội vụ xem xét, trình Chủ tịch Ủy ban nhân dân Thành phố quyết định',
    noiNhan: { danhSach: ['Như trên', 'Chủ tịch, các Phó Chủ tịch UBND phường'], luu: 'VT, VP' },
  });
  add(d, { duongDan: 'to-trinh.json', vaiTro: 'to-trinh', loaiVanBan: 'to-trinh' }, jsonFile(toTrinh));

  const baoCaoTo: Data = {
    coQuan: { chuQuan: 'UBND PHƯỜNG BA ĐÌNH', ten: 'TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG' },
    diaDanhNgay: { diaDanh: 'Ba Đình', ngay: 19, thang: 10, nam: 2026 },
    hinhThucDeNghi: BANG_KHEN,
    tenTapThe: TO,
    dacDiem: ['Tổ công nghệ số cộng đồng phường Ba Đình được thành lập theo Quyết định của Chủ tịch Ủy ban nhân dân phường, gồm 12 thành viên là công chức, đoàn viên thanh niên và đại diện tổ dân phố.'],
    chucNang: ['Hướng dẫn, hỗ trợ người dân sử dụng dịch vụ công trực tuyến, thanh toán trực tuyến, ứng dụng định danh điện tử trên địa bàn phường.'],
    thanhTich: [
      'Từ ngày 05/10 đến ngày 16/10/2026, triển khai giải pháp “Phiếu hẹn điện tử và hỗ trợ nộp hồ sơ tại nhà”, trực tiếp hỗ trợ 1.240 lượt người cao tuổi, người khuyết tật nộp hồ sơ đăng ký biến động đất đai trực tuyến; 100% hồ sơ được giải quyết đúng hạn.',
      'Giải pháp được Hội đồng Sáng kiến phường công nhận tại Quyết định số 263/QĐ-HĐSK ngày 20/10/2026.',
    ],
    danhHieu: [],
    xacNhan: { chucDanh: 'XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH', hoTen: 'Hoàng Minh Đức' },
    nguoiKy: { chucDanh: 'TỔ TRƯỞNG', hoTen: 'Đỗ Minh Hiếu' },
  };
  add(d, { duongDan: 'bao-cao/tt1.docx', vaiTro: 'bao-cao-thanh-tich', doiTuong: ['tt1'], mauSo: '06' }, docx('bao-cao-thanh-tich-tap-the', baoCaoTo));

  const baoCaoCn: Data = {
    diaDanhNgay: { diaDanh: 'Ba Đình', ngay: 19, thang: 10, nam: 2026 },
    hinhThucDeNghi: BANG_KHEN,
    lyLich: {
      hoTen: 'Mạc Thị Thùy Dung',
      ngaySinh: { ngay: 21, thang: 6, nam: 1994 },
      gioiTinh: 'Nữ',
      queQuan: 'Xã Thường Tín, thành phố Hà Nội',
      truQuan: 'Phường Ba Đình, thành phố Hà Nội',
      donVi: 'Trung tâm Phục vụ hành chính công phường Ba Đình, thành phố Hà Nội',
      chucVu: 'Đoàn viên; công chức Trung tâm Phục vụ hành chính công phường',
      trinhDo: 'Cử nhân Luật; Sơ cấp lý luận chính trị',
    },
    nhiemVu: ['Tiếp nhận, hướng dẫn, trả kết quả giải quyết thủ tục hành chính lĩnh vực đất đai, xây dựng tại Trung tâm Phục vụ hành chính công phường.'],
    thanhTich: [
      'Là đồng tác giả giải pháp “Phiếu hẹn điện tử và hỗ trợ nộp hồ sơ tại nhà”, được Hội đồng Sáng kiến phường công nhận tại Quyết định số 263/QĐ-HĐSK ngày 20/10/2026.',
      'Trong đợt cao điểm từ ngày 05/10 đến ngày 16/10/2026, trực tiếp tiếp nhận, xử lý 412 hồ sơ đăng ký biến động đất đai, không có hồ sơ quá hạn, không có phản ánh của người dân.',
    ],
    danhHieu: [],
    khenThuong: [],
    xacNhan: { chucDanh: 'XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH', hoTen: 'Hoàng Minh Đức' },
  };
  add(d, { duongDan: 'bao-cao/cn1.docx', vaiTro: 'bao-cao-thanh-tich', doiTuong: ['cn1'], mauSo: '06' }, docx('bao-cao-thanh-tich-ca-nhan', baoCaoCn));
  return d;
}

// ------------------------------------------------------------------------------------------------
// Writing
// ------------------------------------------------------------------------------------------------

function manifestBytes(d: Dossier): Buffer {
  return jsonFile(d.manifest);
}

function writeDossier(name: string, d: Dossier): void {
  const root = join(OUT, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'hoso.json'), manifestBytes(d));
  for (const [path, data] of [...d.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const abs = join(root, ...path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, data);
  }
}

/** The dossier as a .zip with a top folder, as an official would compress the folder. */
function zipDossier(top: string, d: Dossier): Buffer {
  const zip = new PizZip();
  const entries: [string, Buffer][] = [['hoso.json', manifestBytes(d)], ...d.files];
  for (const [path, data] of entries.sort(([a], [b]) => (a < b ? -1 : 1))) {
    zip.file(`${top}/${path}`, data, { binary: true, date: ZIP_DATE, createFolders: false });
  }
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const M = 'hoso.json#';

function main(): void {
  const donVi = donViBangKhen();
  const snv = soNoiVu();
  const dx = dotXuat();
  const dossiers = new Map<string, Dossier>();
  const expected: Record<string, Expected[]> = {};
  const put = (name: string, d: Dossier, findings: Expected[]): void => {
    dossiers.set(name, d);
    expected[name] = findings;
  };

  put('ok-don-vi-bang-khen', donVi, []);
  put('ok-so-noi-vu-trinh-ubnd', snv, []);
  put('ok-dot-xuat', dx, []);

  // ---- one thing missing, derived from ok-don-vi-bang-khen ----
  put('thieu-bien-ban', derive(donVi, (d) => removeFile(d, 'bien-ban.docx')), [
    { code: 'kh77.iv3b.don-vi.bien-ban', severity: 'error', path: `${M}/tep` },
  ]);
  put('thieu-bao-cao-ca-nhan', derive(donVi, (d) => removeFile(d, 'bao-cao/cn1.docx')), [
    { code: 'kh77.iv3b.don-vi.bao-cao-thanh-tich', severity: 'error', path: `${M}/doiTuong/${nomineeIndex(donVi, 'cn1')}` },
  ]);
  put(
    'thieu-xac-nhan-bao-cao',
    derive(donVi, (d) => {
      d.manifest.tep[tepIndex(d, 'bao-cao/cn1.docx')]!.daXacNhan = false;
    }),
    [{ code: 'kh77.iv3b.don-vi.bao-cao-thanh-tich.xac-nhan', severity: 'error', path: `${M}/doiTuong/${nomineeIndex(donVi, 'cn1')}` }],
  );
  put(
    'thieu-minh-chung-sang-kien',
    derive(donVi, (d) => {
      delete nominee(d, 'tt1').minhChung;
      removeFile(d, 'minh-chung/cong-nhan-sang-kien-tt1.pdf');
    }),
    [{ code: 'kh77.iv2a.sang-kien', severity: 'error', path: `${M}/doiTuong/${nomineeIndex(donVi, 'tt1')}/minhChung` }],
  );
  put(
    'thieu-xac-nhan-guong-mau',
    derive(donVi, (d) => {
      const n = nominee(d, 'cn1');
      n.xacNhan = (n.xacNhan ?? []).filter((x) => x.ma !== 'guong-mau-chap-hanh');
      if (n.xacNhan.length === 0) delete n.xacNhan;
    }),
    [{ code: 'kh77.iv2a.guong-mau', severity: 'review', path: `${M}/doiTuong/${nomineeIndex(donVi, 'cn1')}/xacNhan` }],
  );
  put(
    'thieu-so-bo',
    derive(donVi, (d) => {
      d.manifest.soBo = 1;
    }),
    [{ code: 'kh77.iv3b.don-vi.so-bo', severity: 'error', path: `${M}/soBo` }],
  );
  put(
    'thieu-tep-ke-khai',
    derive(donVi, (d) => {
      d.files.delete('du-lieu/to-trinh.json');
    }),
    [{ code: 'dossier.file-missing', severity: 'error', path: `${M}/tep/${tepIndex(donVi, 'du-lieu/to-trinh.json')}` }],
  );

  // ---- one thing missing, derived from ok-so-noi-vu-trinh-ubnd ----
  put(
    'thieu-sipas',
    derive(snv, (d) => {
      delete nominee(d, 'tt1').duLieu!.sipas;
    }),
    [{ code: 'kh77.iv2a.chi-so-cchc-sipas.thieu-du-lieu', severity: 'error', path: `${M}/doiTuong/${nomineeIndex(snv, 'tt1')}/duLieu` }],
  );
  put('thieu-xac-nhan-doanh-nghiep', derive(snv, (d) => removeFile(d, 'xac-nhan/nghia-vu-tt2.pdf')), [
    { code: 'kh77.luu-y.doanh-nghiep.nghia-vu.snv', severity: 'error', path: `${M}/doiTuong/${nomineeIndex(snv, 'tt2')}` },
  ]);
  put('thieu-xac-nhan-trung-uong', derive(snv, (d) => removeFile(d, 'xac-nhan/to-chuc-can-bo-tt3.pdf')), [
    { code: 'kh77.luu-y.trung-uong.snv', severity: 'error', path: `${M}/doiTuong/${nomineeIndex(snv, 'tt3')}` },
  ]);
  // One letter of the Sở Y tế covers every nominee: without it, each nominee lacks the component.
  put(
    'thieu-xac-nhan-so-y-te',
    derive(snv, (d) => removeFile(d, 'xac-nhan/so-y-te.pdf')),
    snv.manifest.doiTuong.map((_n, i) => ({ code: 'kh77.iv3b.so-noi-vu.xac-nhan-so-y-te', severity: 'error' as const, path: `${M}/doiTuong/${i}` })),
  );

  // ---- broken files ----
  put(
    'hong-tep-rong',
    derive(donVi, (d) => {
      d.files.set('bao-cao/cn1.docx', Buffer.alloc(0));
    }),
    [{ code: 'dossier.file-empty', severity: 'error', path: 'bao-cao/cn1.docx' }],
  );
  put(
    'hong-sai-dinh-dang',
    derive(donVi, (d) => {
      const t = d.manifest.tep[tepIndex(d, 'bao-cao/cn1.docx')]!;
      const data = d.files.get(t.duongDan)!;
      d.files.delete(t.duongDan);
      t.duongDan = 'bao-cao/cn1.pdf';
      d.files.set(t.duongDan, data);
    }),
    [{ code: 'dossier.file-type-mismatch', severity: 'error', path: 'bao-cao/cn1.pdf' }],
  );

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const [name, d] of dossiers) writeDossier(name, d);
  writeFileSync(join(OUT, 'ok-don-vi-bang-khen.zip'), zipDossier('ok-don-vi-bang-khen', donVi));
  expected['ok-zip'] = [];
  const ordered = Object.fromEntries(Object.keys(expected).sort().map((k) => [k, expected[k]]));
  writeFileSync(join(OUT, 'expected.json'), jsonFile(ordered));
  console.log(`Đã ghi ${dossiers.size} hồ sơ, ok-don-vi-bang-khen.zip và expected.json vào ${OUT}`);
}

main();
