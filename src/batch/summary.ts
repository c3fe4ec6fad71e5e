/**
 * The batch's summary workbook (bang-tong-hop.xlsx): sheet "Tổng hợp" with every awardee (who, award
 * form, decision, bonus money and its words, file names) and a total; sheet "Quyết định" with one row
 * per decision. Rows are streamed (exceljs WorkbookWriter) to a temporary file as decisions are produced;
 * at the end its parts are stamped with the batch date, so that the same batch gives the same bytes.
 */
import { readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { moneyToWords } from '../format/index.js';
import type { PlannedAwardee, PlannedDecision } from './plan.js';
import { stampZipEntries } from './zip.js';

const MONEY = '#,##0';

export class SummaryWriter {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly decisions: (string | number)[][] = [];
  private stt = 0;
  private total = 0;
  private priced = 0;

  /**
   * @param date the batch date: `day` for the ZIP entries' DOS fields, `utc` the same day at 00:00 UTC for
   *   the core properties (written as UTC), so that no field depends on the time zone
   */
  constructor(
    private readonly path: string,
    private readonly date: { day: { year: number; month: number; day: number }; utc: Date },
    private readonly title: string,
  ) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    this.wb.creator = 'vanban';
    this.wb.lastModifiedBy = 'vanban';
    this.wb.created = date.utc;
    this.wb.modified = date.utc;
    this.wb.title = title;
    this.sheet = this.wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = [
      { header: 'STT', key: 'stt', width: 6 },
      { header: 'Dòng trong danh sách', key: 'row', width: 10 },
      { header: 'Đối tượng', key: 'loai', width: 10 },
      { header: 'Danh xưng', key: 'danhXung', width: 9 },
      { header: 'Họ và tên / Tên tập thể', key: 'ten', width: 34 },
      { header: 'Chức vụ', key: 'chucVu', width: 28 },
      { header: 'Đơn vị', key: 'donVi', width: 34 },
      { header: 'Hình thức khen thưởng', key: 'hinhThuc', width: 36 },
      { header: 'Quyết định', key: 'quyetDinh', width: 14 },
      { header: 'Tiền thưởng (đồng)', key: 'tien', width: 16, style: { numFmt: MONEY } },
      { header: 'Bằng chữ', key: 'bangChu', width: 44 },
      { header: 'Tệp DOCX', key: 'docx', width: 40 },
      { header: 'Tệp PDF', key: 'pdf', width: 40 },
    ];
    this.sheet.getRow(1).font = { bold: true };
  }

  /** The rows of one produced decision. */
  add(d: PlannedDecision, awardees: readonly PlannedAwardee[], files: { docx: string; pdf: string; pages: number }): void {
    const so = d.data.so.so !== undefined ? `${d.data.so.so}/${d.data.so.kyHieu}` : `(dự thảo ${d.index + 1})`;
    for (const a of awardees) {
      this.stt++;
      if (a.bonus) {
        this.total += a.bonus.amount;
        this.priced++;
      }
      this.sheet
        .addRow({
          stt: this.stt,
          row: a.row,
          loai: a.loai === 'tap-the' ? 'Tập thể' : 'Cá nhân',
          danhXung: a.danhXung ?? '',
          ten: a.ten,
          chucVu: a.chucVu ?? '',
          donVi: a.donVi ?? '',
          hinhThuc: a.hinhThuc,
          quyetDinh: so,
          tien: a.bonus?.amount ?? null,
          bangChu: a.bonus?.words ?? '',
          docx: files.docx,
          pdf: files.pdf,
        })
        .commit();
    }
    this.decisions.push([d.index + 1, so, d.label, d.collectives, d.persons, files.pages, files.docx, files.pdf]);
  }

  /** Total row, the decisions sheet, then the workbook re-zipped with fixed dates. */
  async finish(): Promise<Buffer> {
    const total = this.sheet.addRow({
      ten: 'Tổng cộng',
      tien: this.priced ? this.total : null,
      bangChu: this.priced ? moneyToWords(this.total) : 'Tiền thưởng theo Điều 2 của từng quyết định',
    });
    total.font = { bold: true };
    total.commit();
    this.sheet.commit();
    const ws = this.wb.addWorksheet('Quyết định', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: 'STT', key: 'stt', width: 6 },
      { header: 'Số, ký hiệu', key: 'so', width: 16 },
      { header: 'Quyết định', key: 'label', width: 60 },
      { header: 'Số tập thể', key: 'tapThe', width: 10 },
      { header: 'Số cá nhân', key: 'caNhan', width: 10 },
      { header: 'Số trang', key: 'trang', width: 9 },
      { header: 'Tệp DOCX', key: 'docx', width: 40 },
      { header: 'Tệp PDF', key: 'pdf', width: 40 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of this.decisions) ws.addRow(r).commit();
    ws.commit();
    await this.wb.commit();
    // the same bytes for the same batch: every part stamped with the batch date, in place
    const out = readFileSync(this.path);
    rmSync(this.path, { force: true });
    stampZipEntries(out, this.date.day);
    return out;
  }

  /** Total of the bonus money written (0 when Điều 2 is not computed). */
  get bonusTotal(): { amount: number; priced: number } {
    return { amount: this.total, priced: this.priced };
  }

  /** Closes the temporary file and removes it. */
  async abort(): Promise<void> {
    try {
      this.sheet.commit();
      await this.wb.commit();
    } catch {
      // already broken: nothing more to close
    }
    rmSync(this.path, { force: true });
  }
}
