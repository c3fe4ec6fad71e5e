/**
 * The list: header row detected under a title row, synonyms and extra columns, sections, every bad cell
 * named by row and column, bounds (rows, cell length incl. a 10 MB cell, file size), CSV via exceljs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIST_LIMITS, readList } from '../../src/batch/list.js';
import { BATCH_FIXTURES, bangKhenRows, HEADER_ROW, TITLE_ROW, xlsx } from './helpers.js';

describe('header row', () => {
  it('is found under a title row and a blank row; sections set the subject; extra columns are ignored', async () => {
    const r = await readList(await xlsx(bangKhenRows()), 'ds.xlsx');
    expect(r.findings).toEqual([]);
    const list = r.list!;
    expect(list.format).toBe('xlsx');
    expect(list.headerRow).toBe(3);
    expect(Object.keys(list.columns).sort()).toEqual(['chucVu', 'danhXung', 'donVi', 'hinhThuc', 'stt', 'ten']);
    expect(list.rows.map((x) => [x.row, x.loai, x.ten])).toEqual([
      [5, 'tap-the', 'Phòng Cải cách hành chính, Sở Nội vụ'],
      [6, 'tap-the', 'Ủy ban nhân dân phường Hoàn Kiếm'],
      [8, 'ca-nhan', 'Nguyễn Thị Thu Hà'],
      [9, 'ca-nhan', 'Trần Đức Minh'],
      [10, 'ca-nhan', 'Lê Phương Thảo'],
    ]);
    expect(list.rows[2]).toMatchObject({ danhXung: 'Bà', chucVu: 'Trưởng phòng Cải cách hành chính', donVi: 'Sở Nội vụ', hinhThuc: 'Bằng khen của Chủ tịch UBND Thành phố' });
  });

  it('tolerates synonyms, case, missing diacritics, notes in parentheses and NFD text', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const r = await readList(
      await xlsx([
        ['Ghi chú: danh sách kèm Tờ trình số 1208/TTr-SNV'],
        ['TT', nfd('HỌ TÊN (*)'), 'Ong/Ba', 'chuc danh', nfd('Cơ quan, đơn vị công tác'), 'Số điện thoại'],
        [1, nfd('Nguyễn   Thị\nThu Hà'), 'ba', 'Trưởng phòng', nfd('Sở Nội vụ'), '0912 345 678'],
      ]),
    );
    expect(r.findings).toEqual([]);
    expect(r.list!.headerRow).toBe(2);
    expect(r.list!.rows[0]).toMatchObject({ row: 3, loai: 'ca-nhan', ten: 'Nguyễn Thị Thu Hà', danhXung: 'Bà', chucVu: 'Trưởng phòng', donVi: 'Sở Nội vụ' });
    expect(r.list!.rows[0]!.ten).toBe('Nguyễn Thị Thu Hà'.normalize('NFC'));
  });

  it('is refused when none of the first 20 rows names the columns', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`Dòng ${i + 1}`, 'x']);
    const r = await readList(await xlsx(rows), 'lung-tung.xlsx');
    expect(r.list).toBeUndefined();
    expect(r.findings[0]!.code).toBe('batch.list.no-header');
    expect(r.findings[0]!.message).toContain('20 dòng đầu của "lung-tung.xlsx"');
  });
});

describe('bad cells are named by row and column', () => {
  it('reports every bad cell at once', async () => {
    const rows = [
      TITLE_ROW,
      ['STT', 'Họ và tên', 'Danh xưng', 'Chức vụ', 'Đơn vị công tác'],
      [1, 'Nguyễn Thị Thu Hà', 'Bà', 'Trưởng phòng', 'Sở Nội vụ'],
      ...Array.from({ length: 10 }, (_, i) => [i + 2, `Cán bộ số ${i + 2}`, 'Ông', 'Chuyên viên', 'Sở Nội vụ']),
      [12, null, 'Bà', 'Chuyên viên', 'Sở Tư pháp'], // row 14: no name
      [13, 'Trần Văn B', 'Anh', 'Chuyên viên', null], // row 15: bad title, no unit
      [14, 'C', 'Ông', 'x'.repeat(201), 'Sở Tài chính'], // row 16: name too short, position too long
      [15, 'Lê Văn Thành', 'Ông', 'Chuyên viên', 'Uû ban nh©n d©n'], // row 17: TCVN3 text
    ];
    const r = await readList(await xlsx(rows));
    const messages = r.findings.map((f) => f.message);
    expect(messages).toEqual([
      "Dòng 14, cột 'Họ và tên': bỏ trống.",
      "Dòng 15, cột 'Đơn vị công tác': bỏ trống.",
      "Dòng 15, cột 'Danh xưng': \"Anh\" không hợp lệ; ghi \"Ông\" hoặc \"Bà\".",
      "Dòng 16, cột 'Họ và tên': \"C\" quá ngắn (ít nhất 2 ký tự).",
      "Dòng 16, cột 'Chức vụ': dài 201 ký tự, vượt giới hạn 200 ký tự.",
      expect.stringContaining("Dòng 17, cột 'Đơn vị công tác': có vẻ được gõ bằng bảng mã cũ TCVN3"),
    ]);
    expect(r.findings[0]).toMatchObject({ row: 14, column: 'Họ và tên', path: '/dong/14/hoTen', severity: 'error' });
    // the good rows are still there for the plan (duplicates, rules) to look at
    expect(r.list!.rows.length).toBe(11);
  });

  it('refuses a 10 MB cell with its row and column, without echoing it', async () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const r = await readList(await xlsx([HEADER_ROW, [1, 'Nguyễn Văn An', 'Ông', 'Chuyên viên', 'Sở Nội vụ', null, huge], [2, 'Trần Văn Bình', 'Ông', huge, 'Sở Nội vụ']]));
    expect(r.findings.map((f) => f.message)).toEqual(["Dòng 3, cột 'Chức vụ': dài 10.485.760 ký tự, vượt giới hạn 1.000 ký tự."]);
    expect(JSON.stringify(r.findings).length).toBeLessThan(1000);
    // the extra column (Ghi chú) is not read at all
    expect(r.list!.rows.map((x) => x.row)).toEqual([2]);
  });

  it('bounds rows and file size', async () => {
    const rows = [HEADER_ROW, ...Array.from({ length: 12 }, (_, i) => [i + 1, `Người số ${i + 1}`, 'Ông', 'Chuyên viên', 'Sở Nội vụ'])];
    const r = await readList(await xlsx(rows), 'ds.xlsx', { ...LIST_LIMITS, maxRows: 10 });
    expect(r.findings.map((f) => f.code)).toEqual(['batch.list.too-many-rows']);
    expect(r.findings[0]!.message).toContain('hơn 10 dòng');
    const big = await readList(Buffer.alloc(2048, 0x41), 'to.csv', { ...LIST_LIMITS, maxFileBytes: 1024 });
    expect(big.unreadable).toBe(true);
    expect(big.findings[0]!.message).toContain('vượt giới hạn');
  });

  it('refuses .xls and broken files as unreadable', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    expect((await readList(xls, 'cu.xls')).findings[0]!.code).toBe('batch.list.xls');
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]);
    const r = await readList(broken, 'hong.xlsx');
    expect(r.unreadable).toBe(true);
    expect(r.findings[0]!.code).toBe('batch.list.unreadable');
  });
});

describe('CSV (through exceljs)', () => {
  it('reads the committed example: UTF-8 with BOM, ";" separated, sections, collectives completed by their unit', async () => {
    const r = await readList(readFileSync(join(BATCH_FIXTURES, 'danh-sach-giay-khen-so-noi-vu.csv')), 'ds.csv');
    expect(r.findings).toEqual([]);
    expect(r.list!.format).toBe('csv');
    expect(r.list!.rows.map((x) => `${x.row} ${x.loai} ${x.danhXung ?? ''} ${x.ten}`.replace(/ +/g, ' '))).toEqual([
      '3 tap-the Phòng Cải cách hành chính, Sở Nội vụ',
      '4 tap-the Văn phòng Sở, Sở Nội vụ',
      '6 ca-nhan Bà Nguyễn Thị Thu Hà',
      '7 ca-nhan Ông Trần Đức Minh',
      '8 ca-nhan Bà Lê Phương Thảo',
      '9 ca-nhan Ông Phạm Quốc Huy',
    ]);
  });

  it('keeps values as text (no dates or numbers guessed) and refuses non-UTF-8', async () => {
    const csv = Buffer.from('Họ và tên,Chức vụ,Đơn vị\nNguyễn Văn An,Chuyên viên,01/02/2026\n', 'utf8');
    const r = await readList(csv);
    expect(r.list!.rows[0]!.donVi).toBe('01/02/2026');
    const latin = Buffer.from('Họ và tên,Đơn vị\nNguyễn Văn An,Sở Nội vụ\n', 'latin1');
    const bad = await readList(Buffer.concat([latin, Buffer.from([0xff, 0xfe, 0x80])]));
    expect(bad.findings[0]!.code).toBe('batch.list.encoding');
  });
});

describe('Vietnamese text in a long list', () => {
  it('comes back letter for letter: no character split between two read chunks (exceljs#2316, patched in patches/)', async () => {
    const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
    const rows: (string | number)[][] = [['STT', 'Họ và tên', 'Danh xưng', 'Chức vụ', 'Đơn vị công tác']];
    const expected: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const donVi = `Ủy ban nhân dân phường số ${i + 1}, quận Hoàn Kiếm`;
      expected.push(donVi);
      rows.push([i + 1, `${HO[i % HO.length]} Thị Thu Hường`, 'Bà', 'Chuyên viên Phòng Cải cách hành chính', donVi]);
    }
    const r = await readList(await xlsx(rows), 'dai.xlsx', { ...LIST_LIMITS });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const got = r.list!.rows;
    expect(got).toHaveLength(3000);
    const broken = got.filter((x) => JSON.stringify(x).includes('\ufffd')).map((x) => x.row);
    expect(broken).toEqual([]);
    expect(got.map((x) => x.donVi)).toEqual(expected);
  });
});
