import type { Finding } from '../findings.js';

/**
 * Input boundary: every string (values and keys) becomes NFC, trimmed, with CRLF folded to LF.
 * Vietnamese typed on macOS or pasted from some PDFs arrives decomposed (NFD); fonts and string
 * comparisons only behave with one form (law-and-format.md D.1).
 */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

const MAX_DEPTH = 64;

export interface NormalizeResult {
  data: unknown;
  findings: Finding[];
}

/** Deep-normalizes a JSON value and reports text that looks like a legacy Vietnamese encoding. */
export function normalizeInput(input: unknown): NormalizeResult {
  const findings: Finding[] = [];
  const data = walk(input, '', 0, findings);
  return { data, findings };
}

function walk(v: unknown, pointer: string, depth: number, findings: Finding[]): unknown {
  if (depth > MAX_DEPTH) {
    findings.push({
      code: 'input.too-deep',
      severity: 'error',
      path: pointer || '/',
      message: `Dữ liệu lồng nhau quá ${MAX_DEPTH} cấp tại (${pointer || '/'}).`,
    });
    return undefined;
  }
  if (typeof v === 'string') {
    const s = normalizeText(v);
    const legacy = detectLegacyEncoding(s);
    if (legacy) {
      findings.push({
        code: 'input.legacy-encoding',
        severity: 'error',
        path: pointer || '/',
        message: `Nội dung tại (${pointer || '/'}) có vẻ được gõ bằng bảng mã cũ ${legacy} chứ không phải Unicode: "${s.slice(0, 40)}".`,
        hint: 'Chuyển văn bản sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại.',
      });
    }
    return s;
  }
  if (Array.isArray(v)) return v.map((x, i) => walk(x, `${pointer}/${i}`, depth + 1, findings));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const key = k.normalize('NFC');
      out[key] = walk(x, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1, findings);
    }
    return out;
  }
  return v;
}

/** Letters outside Latin-1, which neither TCVN3 nor VNI text (read as Windows-1252) can contain. */
const VIETNAMESE_UNICODE = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u0128\u0129\u0168\u0169\u1ea0-\u1ef9]/;
/** Bytes TCVN3 (ABC) puts where Latin-1 has these symbols: "Ninh B×nh", "B¶o Th¾ng". */
const TCVN3_MARKS = /[×¶¾¬ª®µ¸¹¨©¦§«¤¥£¢¡]/g;
/**
 * VNI-Windows writes a base letter followed by an accent byte: "Xin chaøo caùc baïn". Only bytes that
 * never occur in Vietnamese written in Unicode count (â, ê, ô, ù, õ … are real Vietnamese letters).
 */
const VNI_PAIRS = /[aeiouyAEIOUY][øûïöñëäåæçîþ]/g;

/**
 * Heuristic from law-and-format.md D.2: text with no Vietnamese Unicode letters but several
 * TCVN3 symbol bytes, or many VNI letter+accent pairs, was typed in a legacy encoding.
 */
export function detectLegacyEncoding(s: string): 'TCVN3' | 'VNI' | undefined {
  if (s.length < 4 || VIETNAMESE_UNICODE.test(s)) return undefined;
  const tcvn = s.match(TCVN3_MARKS)?.length ?? 0;
  if (tcvn >= 2 || (tcvn >= 1 && s.length < 20)) return 'TCVN3';
  const vni = s.match(VNI_PAIRS)?.length ?? 0;
  if (vni >= 2) return 'VNI';
  return undefined;
}
