/**
 * The document model the PDF engine lays out: what the filled DOCX says, with every style resolved.
 * Stages (react-pdf textkit style): parse (DOCX → this model) → line breaking → pages → drawing.
 * All lengths are in PDF points (1/72 inch); OOXML twips are divided by 20, half-points by 2.
 */

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface RunStyle {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Font size in points. */
  size: number;
  /** w:caps: drawn in capitals whatever the text's case. */
  caps: boolean;
  /** RGB, each 0–1. */
  color: [number, number, number];
}

export type Inline =
  | { type: 'text'; text: string; style: RunStyle }
  | { type: 'tab'; style: RunStyle }
  | { type: 'break'; kind: 'line' | 'page'; style: RunStyle }
  /** A field whose value is known only when pages are made (PAGE, NUMPAGES). */
  | { type: 'field'; field: 'PAGE' | 'NUMPAGES'; style: RunStyle };

export interface Border {
  /** Line width in points. */
  width: number;
  /** Distance from the text, in points. */
  space: number;
  color: [number, number, number];
}

export type LineSpacing =
  /** Multiple of the font's single line height (w:lineRule="auto", w:line/240). */
  | { rule: 'auto'; value: number }
  | { rule: 'exact'; value: number }
  | { rule: 'atLeast'; value: number };

export interface TabStop {
  /** Position from the left edge of the paragraph's text area (the cell or the page margin), in points. */
  pos: number;
  align: 'left' | 'center' | 'right' | 'decimal';
}

export interface ParagraphStyle {
  align: 'left' | 'center' | 'right' | 'both';
  indentLeft: number;
  indentRight: number;
  /** First-line indent; negative for a hanging indent. */
  firstLine: number;
  spaceBefore: number;
  spaceAfter: number;
  line: LineSpacing;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  widowControl: boolean;
  tabs: TabStop[];
  borders: { top?: Border; bottom?: Border; left?: Border; right?: Border };
  /** Properties of the paragraph mark: give an empty paragraph its height. */
  markStyle: RunStyle;
}

export interface Paragraph {
  type: 'paragraph';
  /** Style id (w:pStyle) for diagnostics and tests. */
  styleId: string;
  style: ParagraphStyle;
  inlines: Inline[];
}

export interface CellBorders {
  top?: Border;
  left?: Border;
  bottom?: Border;
  right?: Border;
}

export interface TableCell {
  /** Number of grid columns the cell spans (w:gridSpan). */
  gridSpan: number;
  /** Vertical merge: `restart` begins a merged cell, `continue` is covered by the cell above. */
  vMerge?: 'restart' | 'continue';
  vAlign: 'top' | 'center' | 'bottom';
  borders: CellBorders;
  margins: { top: number; left: number; bottom: number; right: number };
  shading?: [number, number, number];
  blocks: Block[];
}

export interface TableRow {
  cells: TableCell[];
  /** w:cantSplit: the row moves whole to the next page. */
  cantSplit: boolean;
  /** w:tblHeader: repeated at the top of each page the table continues on. */
  header: boolean;
  height?: { value: number; rule: 'atLeast' | 'exact' };
}

export interface Table {
  type: 'table';
  /** Column widths from w:tblGrid, in points. */
  grid: number[];
  /** w:tblInd, from the left margin. */
  indent: number;
  align: 'left' | 'center' | 'right';
  rows: TableRow[];
}

export type Block = Paragraph | Table;

export interface Section {
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  /** w:titlePg: the first page uses the `first` header (and footer). */
  titlePage: boolean;
  headers: { default?: Block[]; first?: Block[] };
  footers: { default?: Block[]; first?: Block[] };
}

export interface DocumentModel {
  section: Section;
  blocks: Block[];
  /** docProps/core.xml */
  core: { title?: string; creator?: string; subject?: string; keywords?: string; language?: string };
}
