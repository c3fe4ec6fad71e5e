/**
 * The list of a batch: an XLSX or CSV file (read with exceljs) with Vietnamese column headers, one
 * collective or person per row. The header row is detected (the first of the first 20 rows whose cells
 * name known columns, after NFC and case/diacritic folding, synonyms allowed); other columns are ignored.
 * Every bad cell is reported with its row and column ("Dòng 14, cột 'Họ và tên': bỏ trống."); sizes are
 * bounded (file, uncompressed XLSX, rows, cell length).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import type { Finding } from '../findings.js';
import { detectLegacyEncoding } from '../normalize/nfc.js';
import { loadSchemas } from '../validate/schemas.js';
import { bytesText, clean, columnLetter, foldKey, n } from './text.js';

/** A finding about the list, the header or the plan; row/column name the spreadsheet cell when known. */
export interface BatchFinding extends Finding {
  /** Spreadsheet row (1-based, as Excel shows it). */
  row?: number;
  /** Column header as written in the file. */
  column?: string;
  /** Other rows concerned (duplicates). */
  rows?: number[];
}

export interface ListLimits {
  /** Largest list file, bytes. */
  maxFileBytes: number;
  /** Largest uncompressed XLSX content, bytes (zip bombs). */
  maxUncompressedBytes: number;
  /** Most awardee rows. */
  maxRows: number;
  /** Longest cell, characters. */
  maxCellChars: number;
  /** Rows searched for the header row. */
  headerSearchRows: number;
}

export const LIST_LIMITS: ListLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRows: 10_000,
  maxCellChars: 1_000,
  headerSearchRows: 20,
};

export type Field =
  | 'stt'
  | 'ten'
  | 'hoTen'
  | 'tenTapThe'
  | 'doiTuong'
  | 'danhXung'
  | 'gioiTinh'
  | 'chucVu'
  | 'donVi'
  | 'khoi'
  | 'loaiDonVi'
  | 'hinhThuc'
  | 'thanhTich';

/** Header synonyms, folded (foldKey): "Họ và tên / Tên tập thể" → "ho va ten ten tap the". */
const SYNONYMS: Record<Field, string[]> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'],
  ten: [
    'ho va ten ten tap the',
    'ho ten ten tap the',
    'ten tap the ho va ten',
    'ten tap the ho ten',
    'ten tap the ca nhan',
    'ten ca nhan tap the',
    'ho va ten hoac ten tap the',
    'tap the ca nhan duoc khen thuong',
    'ten don vi ca nhan',
    'ten',
  ],
  hoTen: ['ho va ten', 'ho ten', 'ho va ten ca nhan', 'ho ten ca nhan', 'ten ca nhan'],
  tenTapThe: ['ten tap the', 'tap the', 'ten don vi tap the', 'ten tap the duoc khen thuong'],
  doiTuong: ['doi tuong', 'loai doi tuong', 'ca nhan tap the', 'tap the ca nhan'],
  danhXung: ['danh xung', 'ong ba', 'xung ho'],
  gioiTinh: ['gioi tinh'],
  chucVu: ['chuc vu', 'chuc danh', 'chuc vu chuc danh', 'chuc vu hien nay', 'chuc vu chuc danh hien nay'],
  donVi: ['don vi', 'don vi cong tac', 'co quan don vi', 'co quan don vi cong tac', 'noi cong tac', 'co quan cong tac', 'co quan'],
  khoi: ['khoi', 'khoi thi dua', 'cum khoi thi dua'],
  loaiDonVi: ['loai don vi', 'loai hinh don vi'],
  hinhThuc: [
    'hinh thuc khen thuong',
    'hinh thuc',
    'hinh thuc de nghi',
    'hinh thuc de nghi khen thuong',
    'hinh thuc danh hieu',
    'danh hieu hinh thuc khen thuong',
    'hinh thuc khen thuong de nghi',
  ],
  thanhTich: ['thanh tich', 'thanh tich dat duoc', 'ly do khen thuong', 'noi dung thanh tich', 'tom tat thanh tich', 'thanh tich khen thuong'],
};

const BY_KEY = new Map<string, Field>(Object.entries(SYNONYMS).flatMap(([f, keys]) => keys.map((k) => [k, f as Field] as const)));

/** A header cell's key: notes in parentheses and "*" dropped ("Họ và tên (*)" = "Họ và tên"). */
export function headerKey(text: string): string {
  return foldKey(text.replace(/\([^)]*\)/g, ' ').replace(/[*:]/g, ' '));
}

export function headerField(text: string): Field | undefined {
  return BY_KEY.get(headerKey(text));
}

export type Subject = 'tap-the' | 'ca-nhan';

/** One awardee, as read from one row (values NFC, whitespace collapsed). */
export interface ListRow {
  row: number;
  loai: Subject;
  /** Person's full name or collective's name. */
  ten: string;
  danhXung?: 'Ông' | 'Bà';
  chucVu?: string;
  donVi?: string;
  /** Raw Khối / Loại đơn vị / Hình thức text; the plan maps them to the campaign's codes. */
  khoi?: string;
  loaiDonVi?: string;
  hinhThuc?: string;
  thanhTich?: string;
}

export interface ListColumn {
  field: Field;
  /** 1-based column index. */
  col: number;
  /** Header text as written. */
  header: string;
}

export interface ParsedList {
  format: 'xlsx' | 'csv';
  sheet?: string;
  headerRow: number;
  columns: Partial<Record<Field, ListColumn>>;
  rows: ListRow[];
}

/**
 * `list` holds the good rows whenever a header was found, so that the plan can report duplicates and
 * rule findings together with the bad cells; `unreadable`: the file itself could not be read (exit 2).
 */
export interface ListResult {
  list?: ParsedList;
  findings: BatchFinding[];
  unreadable: boolean;
}

/** Field bounds taken from the decision schema, so list checks and the schema never disagree. */
interface Bounds {
  min: number;
  max: number;
}
let boundsCache: Record<'hoTen' | 'chucVu' | 'donVi' | 'tenTapThe' | 'hinhThuc' | 'thanhTich', Bounds> | undefined;
function bounds(): NonNullable<typeof boundsCache> {
  if (boundsCache) return boundsCache;
  const s = loadSchemas().documents.get('quyet-dinh-khen-thuong.schema.json') as {
    properties: { khenThuong: { properties: Record<string, { minLength: number; maxLength: number }> } };
    $defs: Record<string, { properties: Record<string, { minLength: number; maxLength: number }> }>;
  };
  const b = (p: { minLength: number; maxLength: number }): Bounds => ({ min: p.minLength, max: p.maxLength });
  const kt = s.properties.khenThuong.properties;
  boundsCache = {
    hoTen: b(s.$defs.caNhan!.properties.hoTen!),
    chucVu: b(s.$defs.caNhan!.properties.chucVu!),
    donVi: b(s.$defs.caNhan!.properties.donVi!),
    tenTapThe: b(s.$defs.tapThe!.properties.ten!),
    hinhThuc: b(kt.hinhThuc!),
    thanhTich: b(kt.thanhTich!),
  };
  return boundsCache;
}

/** "Dòng 14, cột 'Họ và tên': bỏ trống." */
export function cellFinding(row: number, column: ListColumn | undefined, code: string, text: string, extra: Partial<BatchFinding> = {}): BatchFinding {
  const where = column ? `Dòng ${row}, cột '${column.header}'` : `Dòng ${row}`;
  return {
    code,
    severity: 'error',
    path: `/dong/${row}${column ? `/${column.field}` : ''}`,
    message: `${where}: ${text}`,
    ...(column ? { field: column.header, column: column.header } : {}),
    row,
    ...extra,
  };
}

function fileFinding(code: string, message: string, hint?: string): BatchFinding {
  return { code, severity: 'error', path: '/danhSach', message, ...(hint ? { hint } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

type Cell = { text: string } | { error: string };

const pad2 = (x: number): string => String(x).padStart(2, '0');

/** An exceljs cell value as text (rich text joined, formula results, hyperlink text, dates dd/mm/yyyy). */
function cellText(v: unknown, depth = 0): Cell {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: Number.isInteger(v) ? String(v) : String(v).replace('.', ',') };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}` };
  if (typeof v === 'object' && depth < 3) {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return { text: (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('') };
    if ('formula' in o || 'sharedFormula' in o) return cellText(o.result, depth + 1);
    if ('text' in o) return cellText(o.text, depth + 1);
  }
  return { text: String(v) };
}

// ---------------------------------------------------------------------------------------------
// Reading the file
// ---------------------------------------------------------------------------------------------

class ListReadError extends Error {
  readonly finding: BatchFinding;
  constructor(f: BatchFinding) {
    super(f.message);
    this.finding = f;
  }
}

/** Central directory check before exceljs inflates anything: entry count and uncompressed size. */
function checkZip(bytes: Buffer, limits: ListLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(new ListReadError(fileFinding('batch.list.unreadable', 'Tệp danh sách không phải tệp Excel (.xlsx) hợp lệ: không đọc được cấu trúc nén.', 'Mở tệp bằng Excel và lưu lại dạng .xlsx, hoặc xuất ra CSV UTF-8.')));
        return;
      }
      let total = 0;
      let count = 0;
      zip.on('entry', (e: yauzl.Entry) => {
        total += e.uncompressedSize;
        count++;
        if (count > 5_000 || total > limits.maxUncompressedBytes) {
          zip.close();
          reject(
            new ListReadError(
              fileFinding('batch.list.too-large', `Tệp danh sách khi giải nén vượt giới hạn ${bytesText(limits.maxUncompressedBytes)} (hoặc quá nhiều thành phần); không đọc.`),
            ),
          );
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () =>
        reject(new ListReadError(fileFinding('batch.list.unreadable', 'Tệp danh sách không phải tệp Excel (.xlsx) hợp lệ.'))),
      );
      zip.readEntry();
    });
  });
}

/**
 * Rows of the first worksheet as arrays of cells (index = column, 1-based), read with exceljs's
 * streaming reader: the workbook model is never built, which keeps a 10,000-row list to a few MB.
 */
async function readXlsx(bytes: Buffer, limits: ListLimits): Promise<{ sheet: string; rows: Map<number, unknown[]> }> {
  await checkZip(bytes, limits);
  const rows = new Map<number, unknown[]>();
  let sheet: string | undefined;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      const w = ws as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      if (sheet !== undefined) {
        for await (const _ of w) void _; // later sheets: drained, not read
        continue;
      }
      sheet = w.name ?? 'Sheet1';
      for await (const row of w) {
        if (rows.size > limits.headerSearchRows + limits.maxRows + 1) continue; // counted as too many below
        rows.set(row.number, row.values as unknown[]);
      }
    }
  } catch {
    throw new ListReadError(fileFinding('batch.list.unreadable', 'Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx.', 'Mở tệp bằng Excel và lưu lại dạng .xlsx, hoặc xuất ra CSV UTF-8.'));
  }
  if (sheet === undefined) throw new ListReadError(fileFinding('batch.list.empty', 'Tệp Excel không có trang tính nào.'));
  return { sheet, rows };
}

/** The delimiter used most in the first lines (Excel in Vietnamese often writes ";"). */
function sniffDelimiter(text: string): string {
  const head = text.split('\n', 20).join('\n').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, head.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

async function readCsv(bytes: Buffer, limits: ListLimits): Promise<{ rows: Map<number, unknown[]> }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ListReadError(
      fileFinding('batch.list.encoding', 'Tệp CSV không phải mã UTF-8 nên chữ tiếng Việt sẽ sai.', "Trong Excel chọn Lưu thành (Save As) 'CSV UTF-8 (Comma delimited)', hoặc gửi tệp .xlsx."),
    );
  }
  const wb = new ExcelJS.Workbook();
  const maxRows = limits.headerSearchRows + limits.maxRows + 1;
  let ws: ExcelJS.Worksheet;
  try {
    ws = await wb.csv.read(Readable.from([text]), {
      map: (v: unknown) => v,
      parserOptions: { delimiter: sniffDelimiter(text), maxRows, relaxColumnCount: true },
    } as never);
  } catch (err) {
    throw new ListReadError(fileFinding('batch.list.unreadable', `Không đọc được tệp CSV: ${(err as Error).message.split('\n')[0]}.`));
  }
  const rows = new Map<number, unknown[]>();
  ws.eachRow({ includeEmpty: false }, (row, num) => {
    rows.set(num, row.values as unknown[]);
  });
  return { rows };
}

function isXlsx(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

// ---------------------------------------------------------------------------------------------
// Header row
// ---------------------------------------------------------------------------------------------

const NAME_FIELDS: Field[] = ['ten', 'hoTen', 'tenTapThe'];

function detectHeader(rows: Map<number, unknown[]>, limits: ListLimits): { headerRow: number; columns: Partial<Record<Field, ListColumn>>; findings: BatchFinding[] } | undefined {
  for (const [num, values] of rows) {
    if (num > limits.headerSearchRows) break;
    const found: ListColumn[] = [];
    values.forEach((v, col) => {
      const c = cellText(v);
      if (!('text' in c) || c.text.length > 200) return;
      const field = headerField(c.text);
      if (field) found.push({ field, col, header: clean(c.text) });
    });
    if (found.length < 2 || !found.some((c) => NAME_FIELDS.includes(c.field))) continue;
    const columns: Partial<Record<Field, ListColumn>> = {};
    const findings: BatchFinding[] = [];
    for (const c of found) {
      const prev = columns[c.field];
      if (prev) {
        findings.push({
          code: 'batch.list.duplicate-column',
          severity: 'error',
          path: `/dong/${num}`,
          row: num,
          column: c.header,
          message: `Dòng tiêu đề ${num}: cột ${columnLetter(prev.col)} ('${prev.header}') và cột ${columnLetter(c.col)} ('${c.header}') cùng là một cột; giữ một cột.`,
        });
      } else columns[c.field] = c;
    }
    return { headerRow: num, columns, findings };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

const SECTION = /^(?:[ivx]+\s+)?(?:cac\s+)?(tap the|ca nhan)(?:\s+\d+)?$/;

function subjectWord(s: string): Subject | undefined {
  const k = foldKey(s);
  if (k === 'ca nhan') return 'ca-nhan';
  if (k === 'tap the') return 'tap-the';
  return undefined;
}

/**
 * Reads a list file (XLSX or CSV, told apart by content, not name) into awardee rows, with every bad
 * cell reported. Nothing is thrown for user errors.
 */
export async function readList(bytes: Buffer, fileName = 'danh-sach', limits: ListLimits = LIST_LIMITS): Promise<ListResult> {
  if (bytes.length > limits.maxFileBytes) {
    return {
      unreadable: true,
      findings: [fileFinding('batch.list.too-large', `Tệp danh sách "${fileName}" lớn ${bytesText(bytes.length)}, vượt giới hạn ${bytesText(limits.maxFileBytes)}.`)],
    };
  }
  if (bytes.length === 0) return { unreadable: true, findings: [fileFinding('batch.list.empty', `Tệp danh sách "${fileName}" rỗng.`)] };
  if (isOle(bytes)) {
    return {
      unreadable: true,
      findings: [fileFinding('batch.list.xls', `Tệp "${fileName}" là Excel 97-2003 (.xls), chưa được hỗ trợ.`, 'Mở bằng Excel và lưu lại dạng .xlsx, hoặc CSV UTF-8.')],
    };
  }
  let rows: Map<number, unknown[]>;
  let sheet: string | undefined;
  const format = isXlsx(bytes) ? 'xlsx' : 'csv';
  try {
    if (format === 'xlsx') ({ rows, sheet } = await readXlsx(bytes, limits));
    else ({ rows } = await readCsv(bytes, limits));
  } catch (err) {
    if (err instanceof ListReadError) return { unreadable: true, findings: [err.finding] };
    throw err;
  }
  const header = detectHeader(rows, limits);
  if (!header) {
    return {
      unreadable: false,
      findings: [
        fileFinding(
          'batch.list.no-header',
          `Không tìm thấy dòng tiêu đề cột trong ${limits.headerSearchRows} dòng đầu của "${fileName}": cần cột 'Họ và tên' (hoặc 'Tên tập thể', 'Họ và tên / Tên tập thể') và ít nhất một cột khác như 'Chức vụ', 'Đơn vị', 'Hình thức khen thưởng'.`,
          "Đặt một dòng tiêu đề ở đầu bảng, ví dụ: STT | Họ và tên | Danh xưng | Chức vụ | Đơn vị | Hình thức khen thưởng.",
        ),
      ],
    };
  }
  const { headerRow, columns } = header;
  const findings: BatchFinding[] = [...header.findings];
  const b = bounds();
  const out: ListRow[] = [];
  let section: Subject | undefined;
  let tooMany = false;
  let count = 0;
  let personWithoutUnitColumn = false;

  for (const [num, values] of rows) {
    if (num <= headerRow) continue;
    const cells: Partial<Record<Field, string>> = {};
    let bad = false;
    for (const [field, column] of Object.entries(columns) as [Field, ListColumn][]) {
      const c = cellText(values[column.col]);
      if ('error' in c) {
        findings.push(cellFinding(num, column, 'batch.list.cell-error', `ô có lỗi công thức (${c.error}).`));
        bad = true;
        continue;
      }
      if (c.text.length > limits.maxCellChars) {
        findings.push(cellFinding(num, column, 'batch.list.cell-too-long', `dài ${n(c.text.length)} ký tự, vượt giới hạn ${n(limits.maxCellChars)} ký tự.`));
        bad = true;
        continue;
      }
      const text = clean(c.text);
      if (!text) continue;
      const legacy = detectLegacyEncoding(text);
      if (legacy) {
        findings.push(
          cellFinding(num, column, 'batch.list.legacy-encoding', `có vẻ được gõ bằng bảng mã cũ ${legacy} chứ không phải Unicode: "${text.slice(0, 40)}".`, {
            hint: 'Chuyển văn bản sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại.',
          }),
        );
        bad = true;
        continue;
      }
      cells[field] = text;
    }
    const filled = (Object.keys(cells) as Field[]).filter((f) => f !== 'stt');
    if (!filled.length && !bad) continue; // blank row (perhaps pre-numbered)

    // section rows: "I. TẬP THỂ", "II. CÁ NHÂN" set the subject of the rows below
    const nameText = cells.ten ?? cells.hoTen ?? cells.tenTapThe;
    if (nameText && filled.length === 1 && SECTION.test(foldKey(`${cells.stt ?? ''} ${nameText}`))) {
      section = SECTION.exec(foldKey(`${cells.stt ?? ''} ${nameText}`))![1] === 'tap the' ? 'tap-the' : 'ca-nhan';
      continue;
    }
    if (++count > limits.maxRows) {
      tooMany = true;
      break;
    }
    if (bad) continue;

    // subject: Đối tượng column, then which name column is filled, then the section, then the data
    let loai: Subject | undefined;
    if (cells.doiTuong) {
      loai = subjectWord(cells.doiTuong);
      if (!loai) {
        findings.push(cellFinding(num, columns.doiTuong, 'batch.list.subject', `"${cells.doiTuong}" không hợp lệ; ghi "Cá nhân" hoặc "Tập thể".`));
        continue;
      }
    }
    loai ??= cells.hoTen ? 'ca-nhan' : cells.tenTapThe ? 'tap-the' : undefined;
    loai ??= section;
    loai ??= cells.danhXung || cells.gioiTinh || cells.chucVu ? 'ca-nhan' : 'tap-the';

    const nameColumn = loai === 'ca-nhan' ? (cells.hoTen ? columns.hoTen : (columns.ten ?? columns.hoTen)) : cells.tenTapThe ? columns.tenTapThe : (columns.ten ?? columns.tenTapThe);
    const name = loai === 'ca-nhan' ? (cells.hoTen ?? cells.ten) : (cells.tenTapThe ?? cells.ten);
    const rowFindings: BatchFinding[] = [];
    const length = (field: Field, value: string | undefined, bound: Bounds, required: boolean): void => {
      const column = field === 'ten' ? nameColumn : columns[field];
      if (value === undefined) {
        if (required) rowFindings.push(cellFinding(num, column, 'batch.list.required', 'bỏ trống.'));
        return;
      }
      if ([...value].length < bound.min) rowFindings.push(cellFinding(num, column, 'batch.list.too-short', `"${value}" quá ngắn (ít nhất ${bound.min} ký tự).`));
      else if ([...value].length > bound.max) rowFindings.push(cellFinding(num, column, 'batch.list.too-long', `dài ${n([...value].length)} ký tự, vượt giới hạn ${n(bound.max)} ký tự.`));
    };
    let danhXung: 'Ông' | 'Bà' | undefined;
    if (loai === 'ca-nhan') {
      length('ten', name, b.hoTen, true);
      if (!columns.donVi) personWithoutUnitColumn = true;
      else length('donVi', cells.donVi, b.donVi, true);
      length('chucVu', cells.chucVu, b.chucVu, false);
      if (cells.danhXung) {
        const k = foldKey(cells.danhXung);
        danhXung = k === 'ong' ? 'Ông' : k === 'ba' ? 'Bà' : undefined;
        if (!danhXung) rowFindings.push(cellFinding(num, columns.danhXung, 'batch.list.title', `"${cells.danhXung}" không hợp lệ; ghi "Ông" hoặc "Bà".`));
      } else if (cells.gioiTinh) {
        const k = foldKey(cells.gioiTinh);
        danhXung = k === 'nam' ? 'Ông' : k === 'nu' ? 'Bà' : undefined;
        if (!danhXung) rowFindings.push(cellFinding(num, columns.gioiTinh, 'batch.list.gender', `"${cells.gioiTinh}" không hợp lệ; ghi "Nam" hoặc "Nữ".`));
      }
    } else {
      length('ten', name, b.tenTapThe, true);
    }
    if (cells.thanhTich !== undefined) length('thanhTich', cells.thanhTich, b.thanhTich, false);
    if (cells.hinhThuc !== undefined && cells.hinhThuc.length > b.hinhThuc.max) length('hinhThuc', cells.hinhThuc, b.hinhThuc, false);
    findings.push(...rowFindings);
    if (rowFindings.length) continue;

    // a collective's parent unit completes its name ("Phòng Cải cách hành chính, Sở Nội vụ")
    let ten = name ?? '';
    if (loai === 'tap-the' && cells.donVi && !foldKey(ten).includes(foldKey(cells.donVi))) ten = `${ten}, ${cells.donVi}`;
    if (loai === 'tap-the' && [...ten].length > b.tenTapThe.max) {
      findings.push(cellFinding(num, nameColumn, 'batch.list.too-long', `tên tập thể kèm đơn vị dài ${n([...ten].length)} ký tự, vượt giới hạn ${n(b.tenTapThe.max)} ký tự.`));
      continue;
    }
    out.push({
      row: num,
      loai,
      ten,
      ...(danhXung ? { danhXung } : {}),
      ...(loai === 'ca-nhan' && cells.chucVu ? { chucVu: cells.chucVu } : {}),
      ...(loai === 'ca-nhan' && cells.donVi ? { donVi: cells.donVi } : {}),
      ...(cells.khoi ? { khoi: cells.khoi } : {}),
      ...(cells.loaiDonVi ? { loaiDonVi: cells.loaiDonVi } : {}),
      ...(cells.hinhThuc ? { hinhThuc: cells.hinhThuc } : {}),
      ...(cells.thanhTich ? { thanhTich: cells.thanhTich } : {}),
    });
  }
  if (tooMany) {
    findings.push(fileFinding('batch.list.too-many-rows', `Danh sách có hơn ${n(limits.maxRows)} dòng tập thể, cá nhân; mỗi lô tối đa ${n(limits.maxRows)} dòng.`, 'Chia danh sách thành nhiều lô.'));
  }
  if (personWithoutUnitColumn) {
    findings.push(fileFinding('batch.list.no-unit-column', "Danh sách có cá nhân nhưng không có cột 'Đơn vị' (đơn vị công tác là bắt buộc với cá nhân).", "Thêm cột 'Đơn vị' hoặc 'Đơn vị công tác'."));
  }
  if (!count && !findings.length) findings.push(fileFinding('batch.list.no-rows', `Danh sách "${fileName}" không có dòng tập thể, cá nhân nào dưới dòng tiêu đề ${headerRow}.`));
  return { list: { format, ...(sheet ? { sheet } : {}), headerRow, columns, rows: out }, findings, unreadable: false };
}
