import type { Finding } from '../findings.js';

interface DocxtemplaterErrorProps {
  id?: string;
  xtag?: string;
  file?: string;
  offset?: number;
  explanation?: string;
  errors?: { properties?: DocxtemplaterErrorProps; message?: string }[];
}

const MESSAGES: Record<string, (tag: string) => string> = {
  unopened_tag: (t) => `Thẻ đóng "}" không có thẻ mở tương ứng gần "${t}".`,
  unclosed_tag: (t) => `Thẻ "{${t}" chưa được đóng bằng "}".`,
  unclosed_loop: (t) => `Vòng lặp hoặc điều kiện {#${t}} chưa được đóng bằng {/${t}}.`,
  unopened_loop: (t) => `Thẻ đóng {/${t}} không có thẻ mở {#${t}} tương ứng.`,
  closing_tag_does_not_match_opening_tag: (t) => `Thẻ đóng không khớp với thẻ mở "${t}".`,
  duplicate_open_tag: (t) => `Thẻ mở "{" bị lặp gần "${t}".`,
  duplicate_close_tag: (t) => `Thẻ đóng "}" bị lặp gần "${t}".`,
  unbalanced_loop_tags: (t) => `Thẻ mở và thẻ đóng của vòng lặp "${t}" nằm ở hai cấp khác nhau (ví dụ một ở trong bảng, một ở ngoài).`,
  loop_position_invalid: (t) => `Vòng lặp "${t}" đặt ở vị trí không hợp lệ trong tài liệu.`,
  scopeparser_compilation_failed: (t) => `Thẻ "{${t}}" không phải tên trường hợp lệ.`,
  raw_tag_outerxml_invalid: (t) => `Thẻ chèn XML "{@${t}}" phải đứng một mình trong một đoạn văn.`,
  raw_xml_tag_should_be_only_text_in_paragraph: (t) => `Thẻ chèn XML "{@${t}}" phải đứng một mình trong một đoạn văn.`,
};

/**
 * Turns docxtemplater's MultiError (or a single template error) into Vietnamese findings naming the
 * template, the tag and the part of the package it sits in.
 */
export function templateErrorFindings(err: unknown, template: string): Finding[] {
  const props = (err as { properties?: DocxtemplaterErrorProps }).properties;
  const list = props?.errors?.length ? props.errors.map((e) => e.properties ?? {}) : props ? [props] : [];
  if (!list.length) {
    return [
      {
        code: 'template.error',
        severity: 'error',
        path: template,
        message: `Mẫu ${template} bị lỗi và không dựng được văn bản: ${(err as Error).message ?? String(err)}`,
      },
    ];
  }
  return list.map((p) => {
    const id = p.id ?? 'error';
    const tag = p.xtag ?? '';
    const where = `${template}${p.file ? `:${p.file}` : ''}${p.offset !== undefined ? `@${p.offset}` : ''}`;
    const text = MESSAGES[id]?.(tag) ?? `Lỗi mẫu (${id}) tại thẻ "${tag}": ${p.explanation ?? ''}`.trim();
    return {
      code: `template.${id}`,
      severity: 'error' as const,
      path: `${where}#{${tag}}`,
      message: `Mẫu ${template}: ${text}`,
      hint: 'Mở mẫu trong Word, sửa thẻ cho đúng dạng {tenTruong}, {#danhSach}…{/danhSach}; nên gõ lại cả thẻ để Word không tách nó.',
    };
  });
}
