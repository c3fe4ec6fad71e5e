/**
 * Content the PDF engine cannot draw is named, never silently dropped: each kind gets a stable code
 * (`pdf.unsupported.<feature>`), an `error` severity, the part and XPath-like location, and a Vietnamese
 * message naming the feature and the paragraph (or table) it sits in.
 */
import type { Element } from '@xmldom/xmldom';
import type { Finding } from '../../findings.js';
import { closestW, locate, snippet } from './xml.js';

export type Feature =
  | 'image'
  | 'textbox'
  | 'drawing'
  | 'object'
  | 'field'
  | 'field-format'
  | 'footnote'
  | 'endnote'
  | 'section-break'
  | 'columns'
  | 'frame'
  | 'text-direction'
  | 'numbering'
  | 'math'
  | 'tracked-changes'
  | 'alt-chunk'
  | 'rtl'
  | 'symbol'
  | 'font'
  | 'vert-align'
  | 'strike'
  | 'highlight'
  | 'small-caps'
  | 'text-effect'
  | 'character-spacing'
  | 'paragraph-shading'
  | 'border-style'
  | 'border-between'
  | 'diagonal-border'
  | 'grid-before'
  | 'cell-spacing'
  | 'floating-table'
  | 'table-style-conditional'
  | 'h-merge'
  | 'even-headers'
  | 'page-number-format'
  | 'page-borders'
  | 'line-numbers'
  | 'vertical-page-align'
  | 'element';

/** Vietnamese name of each feature; `detail` completes it (the field name, the font…). */
const LABEL: Record<Feature, (detail?: string) => string> = {
  image: () => 'hình ảnh',
  textbox: (d) => (d ? `hộp văn bản (text box) có nội dung “${d}”` : 'hộp văn bản (text box)'),
  drawing: (d) => d ?? 'hình vẽ (shape)',
  object: () => 'đối tượng nhúng (w:object, OLE)',
  field: (d) => `trường ${d ?? ''}`.trim(),
  'field-format': (d) => `định dạng số của trường (${d ?? ''})`,
  footnote: () => 'chú thích cuối trang (w:footnoteReference)',
  endnote: () => 'chú thích cuối văn bản (w:endnoteReference)',
  'section-break': () => 'ngắt phần (section break, w:sectPr thứ hai trở đi)',
  columns: (d) => `chia ${d ?? 'nhiều'} cột (w:cols)`,
  frame: () => 'khung định vị (w:framePr)',
  'text-direction': (d) => `hướng chữ “${d ?? ''}” (w:textDirection)`,
  numbering: () => 'đánh số hoặc gạch đầu dòng tự động (w:numPr)',
  math: (d) => (d ? `công thức toán (m:oMath) “${d}”` : 'công thức toán (m:oMath)'),
  'tracked-changes': (d) => `bản có theo dõi thay đổi${d ? ` (${d})` : ''}`,
  'alt-chunk': () => 'nội dung nhúng từ tệp khác (w:altChunk)',
  rtl: () => 'chữ viết từ phải sang trái (w:rtl, w:bidi)',
  symbol: (d) => `ký hiệu từ phông ${d ?? ''} (w:sym)`.replace('  ', ' '),
  font: (d) => `phông chữ “${d ?? ''}” (bản PDF chỉ có phông Times New Roman)`,
  'vert-align': (d) => `chữ ${d === 'subscript' ? 'chỉ số dưới' : 'chỉ số trên'} (w:vertAlign)`,
  strike: () => 'chữ gạch ngang (w:strike, w:dstrike)',
  highlight: () => 'tô màu nền chữ (w:highlight, w:shd)',
  'small-caps': () => 'chữ hoa nhỏ (w:smallCaps)',
  'text-effect': (d) => `hiệu ứng chữ (w:${d ?? 'outline'})`,
  'character-spacing': () => 'giãn, co hoặc nâng hạ chữ (w:spacing, w:w, w:position)',
  'paragraph-shading': () => 'màu nền đoạn văn (w:shd)',
  'border-style': (d) => `đường viền kiểu “${d ?? ''}” (chỉ vẽ được nét liền đơn)`,
  'border-between': () => 'đường viền giữa các đoạn (w:between, w:bar)',
  'diagonal-border': () => 'đường chéo trong ô (w:tl2br, w:tr2bl)',
  'grid-before': () => 'ô bỏ trống đầu hoặc cuối hàng (w:gridBefore, w:gridAfter)',
  'cell-spacing': () => 'khoảng cách giữa các ô (w:tblCellSpacing)',
  'floating-table': () => 'bảng trôi có vị trí cố định (w:tblpPr)',
  'table-style-conditional': (d) => `định dạng có điều kiện (w:tblStylePr) của kiểu bảng ${d ?? ''}`.trim(),
  'h-merge': () => 'gộp ô ngang kiểu cũ (w:hMerge)',
  'even-headers': () => 'đầu trang, chân trang riêng cho trang chẵn',
  'page-number-format': () => 'định dạng hoặc số bắt đầu của số trang (w:pgNumType)',
  'page-borders': () => 'viền trang (w:pgBorders)',
  'line-numbers': () => 'đánh số dòng (w:lnNumType)',
  'vertical-page-align': (d) => `căn dọc nội dung trang “${d ?? ''}” (w:vAlign)`,
  element: (d) => `phần tử ${d ?? ''}`.trim(),
};

const HINT: Partial<Record<Feature, string>> = {
  image: 'Bỏ hình ảnh khỏi mẫu, hoặc xuất PDF bằng Word hay LibreOffice.',
  field: 'Trong Word, chọn trường và nhấn Ctrl+Shift+F9 để đổi trường thành chữ thường.',
  numbering: 'Đánh số bằng chữ (như “1.”, “a)”, “-”) thay cho danh sách tự động của Word.',
  font: 'Dùng phông Times New Roman như Nghị định 30/2020/NĐ-CP quy định.',
  'tracked-changes': 'Trong Word, chấp nhận hoặc từ chối mọi thay đổi (Review → Accept All) rồi lưu lại.',
  'section-break': 'Xóa các ngắt phần (section break) để văn bản chỉ có một phần.',
};

function partLabel(part: string): string {
  if (/header\d*\.xml$/.test(part)) return `đầu trang (${part})`;
  if (/footer\d*\.xml$/.test(part)) return `chân trang (${part})`;
  if (/document\.xml$/.test(part)) return `phần thân văn bản (${part})`;
  return part;
}

/** Where an element is, for a person: the paragraph (its first 60 characters) or the table it sits in. */
export function whereText(el: Element, part: string): string {
  const p = closestW(el, 'p');
  if (p) {
    const s = snippet(p);
    return `${s ? `trong đoạn “${s}”` : 'trong một đoạn trống'} của ${partLabel(part)}`;
  }
  const tbl = closestW(el, 'tbl');
  if (tbl) {
    const s = snippet(tbl);
    return `${s ? `trong bảng “${s}”` : 'trong một bảng trống'} của ${partLabel(part)}`;
  }
  return `trong ${partLabel(part)}`;
}

export class Reporter {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  private tracked = new Map<string, { ins: number; del: number; format: number; first: Element }>();
  private formats = new Map<string, { feature: Feature; detail?: string; part: string; first: Element; paragraphs: Set<Element> }>();

  /**
   * Names one unsupported thing. The same feature (and detail) is reported once per paragraph — or once
   * per table or part when it sits outside paragraphs — however many runs carry it.
   */
  report(feature: Feature, el: Element, part: string, detail?: string): void {
    const anchor = closestW(el, 'p') ?? closestW(el, 'tbl') ?? el;
    const key = `${feature}\u0000${detail ?? ''}\u0000${part}\u0000${locate(anchor)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const label = LABEL[feature](detail);
    const finding: Finding = {
      code: `pdf.unsupported.${feature}`,
      severity: 'error',
      path: `${part}#${locate(el)}`,
      message: `Bản PDF chưa vẽ được ${label} ${whereText(el, part)}.`,
    };
    const hint = HINT[feature];
    if (hint) finding.hint = hint;
    this.findings.push(finding);
  }

  /**
   * Run formatting the engine cannot draw (a font, superscript, strike-through…): reported once per part
   * and feature, at its first paragraph, with the number of paragraphs that carry it.
   */
  formatting(feature: Feature, el: Element, part: string, detail?: string): void {
    const key = `${feature}\u0000${detail ?? ''}\u0000${part}`;
    const p = closestW(el, 'p') ?? el;
    let f = this.formats.get(key);
    if (!f) {
      f = { feature, detail, part, first: el, paragraphs: new Set() };
      this.formats.set(key, f);
    }
    f.paragraphs.add(p);
  }

  /** Counts one revision mark (w:ins, w:del, w:rPrChange…); reported once per part by `finish`. */
  revision(kind: 'ins' | 'del' | 'format', el: Element, part: string): void {
    let t = this.tracked.get(part);
    if (!t) {
      t = { ins: 0, del: 0, format: 0, first: el };
      this.tracked.set(part, t);
    }
    t[kind]++;
  }

  /** A part that cannot be read at all. */
  invalid(part: string, message: string): void {
    this.findings.push({
      code: 'pdf.invalid-docx',
      severity: 'error',
      path: part,
      message: `Không đọc được ${part} trong tệp DOCX: ${message}`,
    });
  }

  finish(): Finding[] {
    for (const f of this.formats.values()) {
      const more = f.paragraphs.size - 1;
      const finding: Finding = {
        code: `pdf.unsupported.${f.feature}`,
        severity: 'error',
        path: `${f.part}#${locate(f.first)}`,
        message: `Bản PDF chưa vẽ được ${LABEL[f.feature](f.detail)} ${whereText(f.first, f.part)}${more > 0 ? ` và ${more} đoạn khác` : ''}.`,
      };
      const hint = HINT[f.feature];
      if (hint) finding.hint = hint;
      this.findings.push(finding);
    }
    this.formats = new Map();
    for (const [part, t] of this.tracked) {
      const counts = [
        t.ins ? `${t.ins} chỗ chèn` : '',
        t.del ? `${t.del} chỗ xóa` : '',
        t.format ? `${t.format} chỗ đổi định dạng` : '',
      ].filter(Boolean);
      this.findings.push({
        code: 'pdf.unsupported.tracked-changes',
        severity: 'error',
        path: `${part}#${locate(t.first)}`,
        message:
          `Bản PDF chưa vẽ được ${LABEL['tracked-changes'](counts.join(', '))}: thay đổi đầu tiên ${whereText(t.first, part)}. ` +
          'Bản PDF được vẽ như thể mọi thay đổi đã được chấp nhận (giữ chữ chèn, bỏ chữ xóa).',
        hint: HINT['tracked-changes'],
      });
    }
    this.tracked = new Map();
    return this.findings;
  }
}
