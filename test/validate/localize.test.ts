import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { sortFindings, type Finding } from '../../src/findings.js';
import { formatNumberVi, localizeErrors, registerAnnotationKeywords } from '../../src/validate/localize.js';
import {
  displayPointer,
  escapePointerSegment,
  joinPointer,
  parsePointer,
  unescapePointerSegment,
} from '../../src/validate/pointer.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const COMMON_ID = 'https://vanban.local/schemas/common.schema.json';
const KIND_ID = 'https://vanban.local/schemas/test-kind.schema.json';

/** A trimmed-down copy of the shapes the real schemas use. */
function commonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: COMMON_ID,
    title: 'Thành phần chung',
    $defs: {
      soKyHieu: {
        title: 'Số, ký hiệu văn bản',
        type: 'object',
        additionalProperties: false,
        required: ['kyHieu'],
        properties: {
          so: { title: 'Số văn bản', type: 'integer', minimum: 1, maximum: 999999 },
          kyHieu: {
            title: 'Ký hiệu',
            type: 'string',
            pattern: '^[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ0-9][A-Za-zĐđ0-9.]*)+$',
            'x-message': 'ký hiệu gồm các nhóm chữ viết tắt nối bằng dấu gạch nối "-", không có khoảng trắng, ví dụ "QĐ-UBND".',
            'x-order': 2,
          },
        },
      },
      diaDanhNgay: {
        title: 'Địa danh và thời gian ban hành',
        type: 'object',
        additionalProperties: false,
        required: ['diaDanh', 'nam'],
        dependentRequired: { ngay: ['thang'] },
        properties: {
          // Deliberately decomposed (NFD): output must still be NFC.
          diaDanh: { title: 'Địa danh'.normalize('NFD'), type: 'string', minLength: 1, maxLength: 80 },
          ngay: { title: 'Ngày ban hành', type: 'integer', minimum: 1, maximum: 31 },
          thang: { title: 'Tháng ban hành', type: 'integer', minimum: 1, maximum: 12 },
          nam: { title: 'Năm', type: 'integer', minimum: 1945, maximum: 2100 },
        },
      },
      ngayThang: { title: 'Ngày tháng năm', type: 'string', format: 'date' },
      thamQuyenKy: {
        title: 'Thẩm quyền ký',
        type: 'object',
        additionalProperties: false,
        required: ['tienTo'],
        properties: {
          tienTo: { title: 'Quyền hạn ký', enum: ['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] },
          chucVu: { title: 'Chức vụ', type: 'string', maxLength: 100 },
        },
      },
      nguoiKy: {
        title: 'Người ký',
        type: 'object',
        additionalProperties: false,
        required: ['hoTen', 'thamQuyen'],
        properties: {
          hoTen: { title: 'Họ và tên', type: 'string', minLength: 1, maxLength: 100, 'x-widget': 'text' },
          thamQuyen: {
            title: 'Thẩm quyền ký',
            type: 'array',
            maxItems: 3,
            items: { $ref: '#/$defs/thamQuyenKy' },
          },
        },
      },
    },
  };
}

function kindSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: KIND_ID,
    title: 'Văn bản thử nghiệm',
    type: 'object',
    additionalProperties: false,
    required: ['so', 'diaDanhNgay', 'trichYeu', 'nguoiKy', 'caNhan'],
    properties: {
      so: { $ref: 'common.schema.json#/$defs/soKyHieu' },
      diaDanhNgay: { $ref: 'common.schema.json#/$defs/diaDanhNgay' },
      trichYeu: { title: 'Trích yếu', type: 'string', minLength: 3, maxLength: 500 },
      nguoiKy: { $ref: 'common.schema.json#/$defs/nguoiKy' },
      nguoiDuyet: { $ref: 'common.schema.json#/$defs/nguoiKy', title: 'Người duyệt' },
      ngayHop: { $ref: 'common.schema.json#/$defs/ngayThang', title: 'Ngày họp' },
      email: { title: 'Thư điện tử', type: 'string', format: 'email' },
      tongKinhPhi: { title: 'Tổng kinh phí', type: 'integer', minimum: 0, maximum: 5000000000 },
      soNguoi: { title: 'Số người tham dự', type: 'integer', minimum: 1000, maximum: 20000 },
      tyLe: { title: 'Tỷ lệ', type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      caNhan: {
        title: 'Danh sách cá nhân',
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: { $ref: '#/$defs/caNhan' },
      },
      ghiChu: { title: 'Ghi chú', type: 'array', items: { type: 'string', maxLength: 10 } },
      hinhThuc: {
        title: 'Hình thức',
        oneOf: [{ $ref: '#/$defs/bangKhen' }, { $ref: '#/$defs/giayKhen' }],
      },
      mucDo: { title: 'Mức độ', oneOf: [{ type: 'integer' }, { type: 'number' }] },
      khenThuong: {
        title: 'Nội dung khen thưởng',
        type: 'object',
        additionalProperties: false,
        properties: {
          hinhThuc: { title: 'Hình thức khen thưởng', type: 'string' },
          soQuyetDinh: { title: 'Số quyết định', type: 'string' },
          tapThe: { title: 'Danh sách tập thể', type: 'array', items: { type: 'string' } },
          caNhan: { title: 'Danh sách cá nhân được khen', type: 'array', items: { type: 'string' } },
        },
        anyOf: [
          { required: ['tapThe'], properties: { tapThe: { type: 'array', minItems: 1 } } },
          { required: ['caNhan'], properties: { caNhan: { type: 'array', minItems: 1 } } },
        ],
        if: { properties: { hinhThuc: { const: 'Bằng khen' } }, required: ['hinhThuc'] },
        then: { properties: { soQuyetDinh: {} }, required: ['soQuyetDinh'] },
      },
    },
    $defs: {
      caNhan: {
        title: 'Cá nhân',
        type: 'object',
        additionalProperties: false,
        required: ['hoTen'],
        properties: {
          hoTen: { title: 'Họ và tên', type: 'string', minLength: 1, maxLength: 100 },
          gioiTinh: { title: 'Giới tính', enum: ['Nam', 'Nữ'] },
          namSinh: { title: 'Năm sinh', type: 'integer', minimum: 1900, maximum: 2010 },
        },
      },
      bangKhen: {
        title: 'Bằng khen',
        type: 'object',
        additionalProperties: false,
        required: ['loai', 'cap'],
        properties: { loai: { const: 'bangKhen' }, cap: { title: 'Cấp khen', type: 'string' } },
      },
      giayKhen: {
        title: 'Giấy khen',
        type: 'object',
        additionalProperties: false,
        required: ['loai', 'donVi'],
        properties: { loai: { const: 'giayKhen' }, donVi: { title: 'Đơn vị', type: 'string' } },
      },
    },
  };
}

/** A second kind that reuses common definitions under the same property names, titled differently. */
function otherKindSchema(): Record<string, unknown> {
  return {
    $id: 'https://vanban.local/schemas/other-kind.schema.json',
    title: 'Văn bản khác',
    type: 'object',
    properties: {
      nguoiDuyet: { $ref: 'common.schema.json#/$defs/nguoiKy', title: 'Người phê duyệt' },
    },
  };
}

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  registerAnnotationKeywords(ajv);
  ajv.addSchema(commonSchema());
  ajv.addSchema(kindSchema());
  ajv.addSchema(otherKindSchema());
  return ajv;
}

function validDoc(): Record<string, unknown> {
  return {
    so: { so: 12, kyHieu: 'QĐ-UBND' },
    diaDanhNgay: { diaDanh: 'Hà Nội', ngay: 15, thang: 10, nam: 2025 },
    trichYeu: 'Về việc khen thưởng thành tích năm 2025',
    nguoiKy: { hoTen: 'Nguyễn Văn An', thamQuyen: [{ tienTo: 'TM.', chucVu: 'Chủ tịch' }] },
    caNhan: [{ hoTen: 'Trần Thị Bình', gioiTinh: 'Nữ', namSinh: 1980 }],
  };
}

const ajv = makeAjv();

function check(doc: unknown, mode: 'full' | 'no-root' | 'no-ajv' = 'full'): Finding[] {
  const validate = ajv.getSchema(KIND_ID);
  if (!validate) throw new Error('kind schema not registered');
  const ok = validate(doc);
  if (ok) return [];
  if (mode === 'no-ajv') return localizeErrors(validate.errors);
  if (mode === 'no-root') return localizeErrors(validate.errors, ajv);
  return localizeErrors(validate.errors, ajv, { schema: validate.schema });
}

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0] as Finding;
}

describe('pointer helpers', () => {
  it('escapes per RFC 6901 and joins', () => {
    expect(escapePointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerSegment('~1')).toBe('~01');
    expect(unescapePointerSegment('~01')).toBe('~1');
    expect(joinPointer('', 'caNhan')).toBe('/caNhan');
    expect(joinPointer('/caNhan', 3)).toBe('/caNhan/3');
    expect(joinPointer('/x', 'a/b')).toBe('/x/a~1b');
    expect(parsePointer('/x/a~1b/0')).toEqual(['x', 'a/b', '0']);
    expect(parsePointer('')).toEqual([]);
    expect(displayPointer('')).toBe('/');
  });

  it('formats numbers the Vietnamese way', () => {
    expect(formatNumberVi(5000000000)).toBe('5.000.000.000');
    expect(formatNumberVi(999)).toBe('999');
    expect(formatNumberVi(-1234.5)).toBe('-1.234,5');
  });
});

describe('localizeErrors', () => {
  it('accepts the valid document', () => {
    expect(check(validDoc())).toEqual([]);
    expect(localizeErrors(null)).toEqual([]);
  });

  it('required: points at the missing property of the 4th person', () => {
    const doc = validDoc();
    doc.caNhan = [{ hoTen: 'A' }, { hoTen: 'B' }, { hoTen: 'C' }, { gioiTinh: 'Nam' }];
    expect(only(check(doc))).toEqual({
      code: 'schema.required',
      severity: 'error',
      path: '/caNhan/3/hoTen',
      field: 'Họ và tên',
      message: "Trường 'Họ và tên' (/caNhan/3/hoTen) là bắt buộc.",
      hint: 'Bổ sung nội dung cho trường này.',
    });
  });

  it('required: title of a $ref property comes from the referenced common schema', () => {
    const doc = validDoc();
    delete doc.nguoiKy;
    const f = only(check(doc));
    expect(f.path).toBe('/nguoiKy');
    expect(f.field).toBe('Người ký');
    expect(f.message).toBe("Trường 'Người ký' (/nguoiKy) là bắt buộc.");
  });

  it('required: without the ajv instance falls back to the property name', () => {
    const doc = validDoc();
    delete doc.nguoiKy;
    expect(only(check(doc, 'no-ajv')).message).toBe("Trường 'nguoiKy' (/nguoiKy) là bắt buộc.");
  });

  it('required inside a then-branch takes the title from the enclosing properties', () => {
    const doc = validDoc();
    doc.khenThuong = { hinhThuc: 'Bằng khen', caNhan: ['Trần Thị Bình'] };
    const f = only(check(doc)); // the `if` error is dropped as noise
    expect(f.code).toBe('schema.required');
    expect(f.message).toBe("Trường 'Số quyết định' (/khenThuong/soQuyetDinh) là bắt buộc.");
  });

  it('dependentRequired names both fields', () => {
    const doc = validDoc();
    doc.diaDanhNgay = { diaDanh: 'Hà Nội', ngay: 15, nam: 2025 };
    const f = only(check(doc));
    expect(f.code).toBe('schema.dependentRequired');
    expect(f.path).toBe('/diaDanhNgay/thang');
    expect(f.message).toBe(
      "Trường 'Tháng ban hành' (/diaDanhNgay/thang) là bắt buộc khi đã có trường 'Ngày ban hành' (/diaDanhNgay/ngay).",
    );
  });

  it('maxLength counts characters and shows the current length', () => {
    const doc = validDoc();
    doc.trichYeu = 'ệ'.repeat(612);
    const f = only(check(doc));
    expect(f.code).toBe('schema.maxLength');
    expect(f.field).toBe('Trích yếu');
    expect(f.message).toBe("Trường 'Trích yếu' (/trichYeu) dài quá 500 ký tự (hiện có 612).");
  });

  it('minLength of 1 reads as "không được để trống"', () => {
    const doc = validDoc();
    doc.nguoiKy = { hoTen: '', thamQuyen: [] };
    expect(only(check(doc)).message).toBe("Trường 'Họ và tên' (/nguoiKy/hoTen) không được để trống.");
  });

  it('type names the JSON type in Vietnamese', () => {
    const doc = validDoc();
    doc.diaDanhNgay = { diaDanh: 'Hà Nội', nam: '2025' };
    const f = only(check(doc));
    expect(f.code).toBe('schema.type');
    expect(f.message).toBe("Trường 'Năm' (/diaDanhNgay/nam) phải là số nguyên.");
  });

  it('enum lists the allowed values', () => {
    const doc = validDoc();
    doc.nguoiKy = { hoTen: 'Nguyễn Văn An', thamQuyen: [{ tienTo: 'CT.' }] };
    const f = only(check(doc));
    expect(f.code).toBe('schema.enum');
    expect(f.message).toBe(
      'Trường \'Quyền hạn ký\' (/nguoiKy/thamQuyen/0/tienTo) phải là một trong các giá trị: "TM.", "KT.", "Q.", "TL.", "TUQ.".',
    );
  });

  it('pattern uses the x-message explanation', () => {
    const doc = validDoc();
    doc.so = { so: 12, kyHieu: 'QD UBND' };
    const f = only(check(doc));
    expect(f.code).toBe('schema.pattern');
    expect(f.message).toBe(
      "Trường 'Ký hiệu' (/so/kyHieu) không đúng định dạng: ký hiệu gồm các nhóm chữ viết tắt nối bằng dấu gạch nối \"-\", không có khoảng trắng, ví dụ \"QĐ-UBND\".",
    );
  });

  it('pattern without x-message shows the pattern', () => {
    const local = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    const validate = local.compile({ title: 'Mã', type: 'string', pattern: '^[0-9]+$' });
    expect(validate('x1')).toBe(false);
    expect(only(localizeErrors(validate.errors, local)).message).toBe(
      "Trường 'Mã' (/) không đúng định dạng yêu cầu (mẫu: ^[0-9]+$).",
    );
  });

  it('additionalProperties names the unknown key and the enclosing form', () => {
    const doc = validDoc();
    doc.caNhan = [{ hoTen: 'A', xyz: 1 }];
    expect(only(check(doc))).toEqual({
      code: 'schema.additionalProperties',
      severity: 'error',
      path: '/caNhan/0/xyz',
      message: "Trường 'xyz' (/caNhan/0/xyz) không có trong biểu mẫu 'Cá nhân' và không được chấp nhận.",
      hint: 'Xoá trường này hoặc kiểm tra lỗi chính tả tên trường.',
    });
  });

  it('additionalProperties escapes the key and suggests a near miss', () => {
    const doc = validDoc();
    doc.caNhan = [{ hoTen: 'A', 'a/b': 1, hoten: 'B' }];
    const findings = check(doc);
    expect(findings.map((f) => f.path)).toEqual(['/caNhan/0/a~1b', '/caNhan/0/hoten']);
    expect(findings[1]?.hint).toBe(
      "Xoá trường này hoặc kiểm tra lỗi chính tả tên trường. Có thể ý bạn là 'hoTen' (Họ và tên).",
    );
  });

  it('a sibling title next to a $ref wins over the referenced title', () => {
    const doc = validDoc();
    doc.nguoiDuyet = { hoTen: 'Lê Văn Cường', thamQuyen: [], chuKy: true };
    doc.ngayHop = '2025-02-30';
    const [b, a] = check(doc); // sorted by pointer: /ngayHop < /nguoiDuyet
    expect(a?.message).toBe(
      "Trường 'chuKy' (/nguoiDuyet/chuKy) không có trong biểu mẫu 'Người duyệt' và không được chấp nhận.",
    );
    expect(b?.message).toBe("Trường 'Ngày họp' (/ngayHop) phải là ngày hợp lệ dạng YYYY-MM-DD.");
    expect(b?.code).toBe('schema.format');
  });

  it('tells sibling titles of different kinds apart with options.schema (by $id too)', () => {
    const doc = validDoc();
    doc.nguoiDuyet = { hoTen: 'Lê Văn Cường', thamQuyen: [], chuKy: true };
    const expected = (owner: string): string =>
      `Trường 'chuKy' (/nguoiDuyet/chuKy) không có trong biểu mẫu '${owner}' và không được chấp nhận.`;
    // Both kinds $ref nguoiKy under /nguoiDuyet; no error lies in the kind document itself.
    expect(only(check(doc, 'no-root')).message).toBe(expected('Người ký'));
    const validate = ajv.getSchema(KIND_ID);
    expect(validate?.(doc)).toBe(false);
    expect(only(localizeErrors(validate?.errors, ajv, { schema: KIND_ID })).message).toBe(expected('Người duyệt'));
  });

  it('minimum/maximum write thousands dots from 10.000 up; smaller limits (years, counts) stay plain', () => {
    const doc = validDoc();
    doc.tongKinhPhi = 6000000000;
    doc.soNguoi = 500;
    doc.tyLe = 1;
    const findings = check(doc);
    expect(findings.map((f) => [f.code, f.message])).toEqual([
      ['schema.minimum', "Trường 'Số người tham dự' (/soNguoi) phải lớn hơn hoặc bằng 1000 (hiện là 500)."],
      [
        'schema.maximum',
        "Trường 'Tổng kinh phí' (/tongKinhPhi) phải nhỏ hơn hoặc bằng 5.000.000.000 (hiện là 6.000.000.000).",
      ],
      ['schema.exclusiveMaximum', "Trường 'Tỷ lệ' (/tyLe) phải nhỏ hơn 1 (hiện là 1)."],
    ]);
  });

  it('oneOf keeps one summary error and drops the branch errors (branches behind $ref)', () => {
    const doc = validDoc();
    doc.hinhThuc = { loai: 'khac' };
    expect(only(check(doc))).toEqual({
      code: 'schema.oneOf',
      severity: 'error',
      path: '/hinhThuc',
      field: 'Hình thức',
      message: "Trường 'Hình thức' (/hinhThuc) không khớp với đúng một dạng cho phép.",
      hint: "Nội dung phải theo đúng một trong các dạng: 'Bằng khen', 'Giấy khen'.",
    });
  });

  it('oneOf matching several branches says which', () => {
    const doc = validDoc();
    doc.mucDo = 3;
    expect(only(check(doc)).message).toBe(
      "Trường 'Mức độ' (/mucDo) không khớp với đúng một dạng cho phép (khớp cùng lúc dạng thứ 1 và dạng thứ 2).",
    );
  });

  it('anyOf whose branches only require properties names those properties', () => {
    const doc = validDoc();
    doc.khenThuong = { hinhThuc: 'Giấy khen' };
    const f = only(check(doc));
    expect(f.code).toBe('schema.anyOf');
    expect(f.message).toBe(
      "Trường 'Nội dung khen thưởng' (/khenThuong) không khớp với ít nhất một dạng cho phép: cần có ít nhất một trong các trường 'Danh sách tập thể', 'Danh sách cá nhân được khen'.",
    );
  });

  it('untitled array items are named "<array title> thứ N"', () => {
    const doc = validDoc();
    doc.ghiChu = ['ngắn', 'quá dài rồi đó'];
    expect(only(check(doc)).message).toBe("Trường 'Ghi chú thứ 2' (/ghiChu/1) dài quá 10 ký tự (hiện có 14).");
  });

  it('reports all problems at once, sorted in document order, one per pointer', () => {
    const doc = validDoc();
    doc.so = { so: 0, kyHieu: 'QĐ-UBND' }; // minimum
    doc.trichYeu = 'x'.repeat(501); // maxLength
    doc.nguoiKy = { hoTen: 'Nguyễn Văn An', thamQuyen: [{ tienTo: 'X' }] }; // enum
    doc.caNhan = [{ hoTen: 'A' }, { hoTen: 'B', namSinh: 2020 }, {}]; // maximum, required
    const findings = check(doc);
    expect(findings).toHaveLength(5);
    // Sorted by pointer (sortFindings): segment by segment, array indices numerically.
    expect(findings.map((f) => f.path)).toEqual([
      '/caNhan/1/namSinh',
      '/caNhan/2/hoTen',
      '/nguoiKy/thamQuyen/0/tienTo',
      '/so/so',
      '/trichYeu',
    ]);
    expect(new Set(findings.map((f) => f.path)).size).toBe(5);
    expect(findings.map((f) => f.code)).toEqual([
      'schema.maximum',
      'schema.required',
      'schema.enum',
      'schema.minimum',
      'schema.maxLength',
    ]);
    expect(sortFindings([...findings].reverse())).toEqual(findings);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('orders numeric segments numerically', () => {
    const doc = validDoc();
    doc.caNhan = Array.from({ length: 12 }, (_, i) => (i === 2 || i === 10 ? {} : { hoTen: `Người ${i}` }));
    const findings = check(doc);
    expect(findings.map((f) => f.path)).toEqual(['/caNhan/2/hoTen', '/caNhan/10/hoTen']);
    expect(sortFindings(findings)).toEqual(findings);
  });

  it('NFC-normalizes messages and titles', () => {
    const doc = validDoc();
    doc.diaDanhNgay = { diaDanh: '', nam: 2025 };
    const f = only(check(doc));
    expect(f.field).toBe('Địa danh'.normalize('NFC'));
    expect(f.message).toBe("Trường 'Địa danh' (/diaDanhNgay/diaDanh) không được để trống.".normalize('NFC'));
    expect(f.message).toBe(f.message.normalize('NFC'));
    expect(f.message.normalize('NFD')).not.toBe(f.message);
  });

  it('de-duplicates identical (code, path) pairs', () => {
    const err: ErrorObject = {
      keyword: 'type',
      instancePath: '/a',
      schemaPath: '#/properties/a/type',
      params: { type: 'string' },
      parentSchema: { title: 'A', type: 'string' },
      data: 1,
    };
    const findings = localizeErrors([err, { ...err }]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe("Trường 'A' (/a) phải là chuỗi ký tự.");
  });

  it('covers the remaining keywords with Vietnamese messages', () => {
    const local = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    addFormats(local);
    const validate = local.compile({
      title: 'Gốc',
      type: 'object',
      properties: {
        ds: { title: 'Danh sách', type: 'array', minItems: 3, uniqueItems: true },
        c: { title: 'Loại', const: 'A' },
        m: { title: 'Số lượng', type: 'number', multipleOf: 5 },
        t: { title: 'Ghi chú', type: ['string', 'null'] },
        n: { title: 'Mã', not: { type: 'string' } },
        e: { title: 'Thư', type: 'string', format: 'email' },
        f: false,
      },
    });
    expect(validate({ ds: [1, 1], c: 'B', m: 7, t: 1, n: 'x', e: 'x', f: 1 })).toBe(false);
    const messages = Object.fromEntries(localizeErrors(validate.errors, local).map((f) => [f.code, f.message]));
    expect(messages).toEqual({
      'schema.minItems': "Trường 'Danh sách' (/ds) phải có ít nhất 3 mục (hiện có 2).",
      'schema.uniqueItems': "Trường 'Danh sách' (/ds) có các mục trùng nhau (mục thứ 1 và mục thứ 2).",
      'schema.const': 'Trường \'Loại\' (/c) phải bằng "A".',
      'schema.multipleOf': "Trường 'Số lượng' (/m) phải là bội số của 5.",
      'schema.type': "Trường 'Ghi chú' (/t) phải là chuỗi ký tự hoặc rỗng.",
      'schema.not': "Trường 'Mã' (/n) có giá trị không được phép.",
      'schema.format': "Trường 'Thư' (/e) phải là địa chỉ thư điện tử hợp lệ.",
      'schema.falseSchema': "Trường 'f' (/f) không được phép có trong biểu mẫu.",
    });
  });

  it('registerAnnotationKeywords is idempotent and needed in strict mode', () => {
    const schema = { type: 'string', 'x-message': 'giải thích', 'x-order': 1, 'x-widget': 'textarea' };
    expect(() => new Ajv2020({ strict: true }).compile(schema)).toThrow(/x-message/);
    const local = new Ajv2020({ strict: true });
    registerAnnotationKeywords(local);
    registerAnnotationKeywords(local);
    expect(local.compile(schema)('x')).toBe(true);
  });
});
