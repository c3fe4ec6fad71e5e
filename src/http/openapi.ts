/**
 * The OpenAPI 3.1 document of the HTTP API, built from the very JSON Schemas the library validates with
 * (`loadSchemas().documents`): each schema file becomes `components.schemas.<name>` (its `$defs` hoisted
 * as `<name>.<def>`), and every `$ref` is rewritten to `#/components/schemas/…`. Nothing is written twice.
 */
import { KIND_IDS, kindInfo } from '../kinds.js';
import { loadSchemas, SCHEMA_BASE, type JsonSchema } from '../validate/schemas.js';
import { DOCX_TYPE, PDF_TYPE } from './media.js';

type Json = Record<string, unknown>;

/** "to-trinh.schema.json" → "to-trinh". */
export const componentName = (file: string): string => file.replace(/\.schema\.json$/, '');

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');

function rewriteRef(ref: string, file: string): string {
  const url = new URL(ref, `${SCHEMA_BASE}${file}`);
  const docUrl = url.href.replace(/#.*$/, '');
  if (!docUrl.startsWith(SCHEMA_BASE)) return ref; // not one of ours: left as is
  const target = componentName(docUrl.slice(SCHEMA_BASE.length));
  const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
  const m = /^\/\$defs\/([^/]+)(\/.*)?$/.exec(pointer);
  const escape = (p: string): string => p.split('/').map((seg) => encodeURIComponent(seg).replace(/%7E/gi, '~')).join('/');
  if (m) return `#/components/schemas/${safe(`${target}.${m[1]!.replace(/~1/g, '/').replace(/~0/g, '~')}`)}${m[2] ? escape(m[2]) : ''}`;
  return `#/components/schemas/${safe(target)}${pointer ? escape(pointer) : ''}`;
}

/** Deep copy with every `$ref` rewritten; `$id` and `$schema` dropped from the root only. */
function convert(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((x) => convert(x, file));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    out[k] = k === '$ref' && typeof v === 'string' ? rewriteRef(v, file) : convert(v, file);
  }
  return out;
}

/** components.schemas built from schemas/*.schema.json. */
export function schemaComponents(documents: Map<string, JsonSchema> = loadSchemas().documents): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [file, doc] of documents) {
    const name = componentName(file);
    const root = { ...doc };
    delete root.$id;
    delete root.$schema;
    const defs = (root.$defs ?? {}) as Json;
    delete root.$defs;
    out[safe(name)] = convert(root, file);
    for (const [def, schema] of Object.entries(defs)) out[safe(`${name}.${def}`)] = convert(schema, file);
  }
  return out;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string): Json => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const HTTP_SCHEMAS: Record<string, Json> = {
  Problem: {
    type: 'object',
    description: 'Lỗi theo RFC 9457 (application/problem+json); detail bằng tiếng Việt.',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', format: 'uri', examples: ['https://vanban.local/problems/invalid-json'] },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      code: { type: 'string' },
      instance: { type: 'string', description: 'Mã yêu cầu (X-Request-Id).' },
      findings: { type: 'array', items: ref('Finding') },
    },
  },
  Finding: {
    type: 'object',
    required: ['code', 'severity', 'path', 'message'],
    properties: {
      code: { type: 'string' },
      severity: { enum: ['error', 'warning', 'review'] },
      path: { type: 'string', description: 'JSON pointer vào dữ liệu (hoặc vị trí trong mẫu, trong hồ sơ).' },
      message: { type: 'string' },
      field: { type: 'string' },
      citation: { type: 'string' },
      hint: { type: 'string' },
    },
  },
  ValidationResult: {
    type: 'object',
    required: ['valid', 'findings'],
    properties: { valid: { type: 'boolean' }, findings: { type: 'array', items: ref('Finding') } },
  },
  Kind: {
    type: 'object',
    required: ['id', 'title', 'abbreviation', 'schema'],
    properties: { id: { enum: [...KIND_IDS] }, title: { type: 'string' }, abbreviation: { type: 'string' }, schema: { type: 'string', description: 'Đường dẫn tới lược đồ JSON.' } },
  },
  CampaignSummary: {
    type: 'object',
    required: ['ma', 'phienBan', 'ten'],
    properties: { ma: { type: 'string' }, phienBan: { type: 'string' }, ten: { type: 'string' }, vanBanNguon: { type: 'string' }, hinhThuc: { type: 'array', items: { type: 'string' } }, soQuyTac: { type: 'integer' } },
  },
  DossierReport: {
    type: 'object',
    required: ['ok', 'unreadable', 'source', 'files', 'components', 'findings'],
    properties: {
      ok: { type: 'boolean', description: 'Được nộp: không có lỗi chặn.' },
      unreadable: { type: 'boolean' },
      source: { type: 'object', properties: { kind: { enum: ['dir', 'zip'] }, origin: { type: 'string' } } },
      manifest: ref('hoso'),
      campaign: { type: 'object', properties: { ma: { type: 'string' }, ten: { type: 'string' }, phienBan: { type: 'string' } } },
      set: { type: 'object', properties: { ma: { type: 'string' }, ten: { type: 'string' }, soBo: { type: 'integer' }, canCu: { type: 'string' } } },
      files: {
        type: 'array',
        items: { type: 'object', properties: { path: { type: 'string' }, size: { type: 'integer' }, sizeText: { type: 'string' }, sha256: { type: 'string' }, type: { type: 'string' }, vaiTro: { type: 'string' } } },
      },
      components: {
        type: 'array',
        items: {
          type: 'object',
          properties: { ma: { type: 'string' }, ten: { type: 'string' }, doiTuong: { type: 'string' }, trangThai: { enum: ['co', 'thieu', 'khong-bat-buoc'] }, tep: { type: 'array', items: { type: 'string' } }, canCu: { type: 'string' } },
        },
      },
      findings: { type: 'array', items: ref('Finding') },
    },
  },
  BatchFinding: {
    description: 'Một lỗi của danh sách hoặc phần chung: như Finding, kèm dòng và cột trong tệp danh sách.',
    allOf: [ref('Finding')],
    properties: {
      row: { type: 'integer', minimum: 1, description: 'Dòng trong bảng tính (đánh số như Excel).' },
      column: { type: 'string', description: 'Tiêu đề cột như trong tệp.' },
      rows: { type: 'array', items: { type: 'integer', minimum: 1 }, description: 'Các dòng khác liên quan (trùng lặp).' },
    },
  },
  BatchJob: {
    type: 'object',
    description:
      'Một lô dựng quyết định khen thưởng chạy nền (POST /api/batches/decisions, POST …/retry, GET /api/batches/{id}, và dữ liệu mỗi sự kiện của …/events). Lô hết hạn trả 410, không trả đối tượng này.',
    required: ['id', 'kind', 'mode', 'state', 'progress', 'createdAt', 'list', 'links'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      kind: { const: 'quyet-dinh-khen-thuong' },
      mode: { enum: ['grouped', 'per-awardee'], description: 'grouped: một quyết định cho mỗi hình thức; per-awardee: mỗi tập thể, cá nhân một quyết định.' },
      state: { enum: ['queued', 'running', 'done', 'failed'] },
      progress: {
        type: 'object',
        required: ['done', 'total'],
        properties: { done: { type: 'integer', minimum: 0, description: 'Số quyết định đã dựng.' }, total: { type: 'integer', minimum: 0 } },
        additionalProperties: false,
      },
      createdAt: { type: 'string', format: 'date-time' },
      startedAt: { type: 'string', format: 'date-time' },
      finishedAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: 'string', format: 'date-time', description: 'Khi các tệp của lô đã xong (hoặc thất bại) bị xóa.' },
      list: {
        type: 'object',
        description: 'Tệp danh sách đã gửi.',
        required: ['name', 'bytes', 'sha256'],
        properties: { name: { type: 'string' }, bytes: { type: 'integer', minimum: 0 }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
        additionalProperties: false,
      },
      reason: { type: 'string', description: 'Vì sao lô thất bại (tiếng Việt).' },
      findings: {
        type: 'array',
        items: ref('BatchFinding'),
        description: 'Khi nhận lô (202): các cảnh báo, điểm cần xem lại của danh sách (không chặn). Khi lô thất bại: các lỗi.',
      },
      result: {
        type: 'object',
        description: 'Tệp ZIP kết quả (khi state = done).',
        required: ['name', 'bytes', 'sha256', 'decisions', 'awardees', 'pages'],
        properties: {
          name: { type: 'string' },
          bytes: { type: 'integer', minimum: 0 },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          decisions: { type: 'integer', minimum: 0 },
          awardees: { type: 'integer', minimum: 0 },
          pages: { type: 'integer', minimum: 0 },
        },
        additionalProperties: false,
      },
      links: {
        type: 'object',
        description: 'Đường dẫn tương đối: self, events; result khi xong; retry khi thất bại.',
        required: ['self', 'events'],
        properties: { self: { type: 'string' }, events: { type: 'string' }, result: { type: 'string' }, retry: { type: 'string' } },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } },
};

const COMMON_ERRORS = {
  '413': problem('Dữ liệu vượt giới hạn.'),
  '415': problem('Sai Content-Type.'),
  '503': problem('Máy chủ bận hoặc đang dừng.'),
};

const fileResponses = (what: string): Json => ({
  description: what,
  headers: { 'Content-Disposition': { schema: { type: 'string' }, description: "attachment; filename=\"…\"; filename*=UTF-8''…" } },
  content: { [DOCX_TYPE]: { schema: { type: 'string', contentMediaType: DOCX_TYPE } }, [PDF_TYPE]: { schema: { type: 'string', contentMediaType: PDF_TYPE } } },
});

function documentPaths(): Record<string, Json> {
  const paths: Record<string, Json> = {};
  for (const kind of KIND_IDS) {
    const info = kindInfo(kind);
    const body = { required: true, content: { 'application/json': { schema: ref(kind) } } };
    const op = kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    paths[`/api/documents/${kind}/validate`] = {
      post: {
        operationId: `validate_${op}`,
        tags: ['documents'],
        summary: `Kiểm tra dữ liệu ${info.title} (lược đồ và bộ quy tắc phong trào)`,
        requestBody: body,
        responses: { '200': json(ref('ValidationResult'), 'Kết quả kiểm tra (hợp lệ hay không).'), '400': problem('JSON không hợp lệ.'), ...COMMON_ERRORS },
      },
    };
    paths[`/api/documents/${kind}`] = {
      post: {
        operationId: `render_${op}`,
        tags: ['documents'],
        summary: `Dựng ${info.title} (DOCX hoặc PDF)`,
        parameters: [
          { name: 'format', in: 'query', schema: { enum: ['docx', 'pdf'], default: 'docx' } },
          { name: 'pdfEngine', in: 'query', schema: { enum: ['vanban', 'libreoffice'], default: 'vanban' } },
        ],
        requestBody: body,
        responses: {
          '200': fileResponses('Tệp văn bản.'),
          '400': problem('JSON hoặc tham số không hợp lệ.'),
          '422': problem('Dữ liệu có lỗi chặn; findings liệt kê mọi lỗi.'),
          ...COMMON_ERRORS,
        },
      },
    };
  }
  return paths;
}

function batchPaths(hasHeaderSchema: boolean): Record<string, Json> {
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  const accepted = { ...json(ref('BatchJob'), 'Lô đã nhận; theo dõi tại Location (links.events, links.result).'), headers: { Location: { schema: { type: 'string' } } } };
  return {
    '/api/batches/decisions': {
      post: {
        operationId: 'createBatch',
        tags: ['batches'],
        summary: 'Tạo lô dựng quyết định khen thưởng từ danh sách (XLSX/CSV) và phần chung (header)',
        parameters: [{ name: 'mode', in: 'query', schema: { enum: ['grouped', 'per-awardee'] } }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['list', 'header'],
                properties: {
                  list: { type: 'string', contentMediaType: 'application/octet-stream', description: 'Danh sách khen thưởng (.xlsx hoặc .csv).' },
                  header: hasHeaderSchema ? { ...ref('batch-header'), description: 'Phần chung của các quyết định (JSON, tệp hoặc trường).' } : { type: 'string', contentMediaType: 'application/json' },
                  mode: { enum: ['grouped', 'per-awardee'] },
                },
              },
            },
          },
        },
        responses: { '202': accepted, '400': problem('Thiếu phần hoặc phần không dùng.'), '422': problem('Danh sách hoặc phần chung có lỗi; findings theo từng dòng.'), ...COMMON_ERRORS },
      },
    },
    '/api/batches/{id}': {
      get: {
        operationId: 'getBatch',
        tags: ['batches'],
        summary: 'Trạng thái của lô',
        parameters: [id],
        responses: { '200': json(ref('BatchJob'), 'Trạng thái, tiến độ, liên kết.'), '404': problem('Không có lô này.'), '410': problem('Lô đã hết hạn.') },
      },
    },
    '/api/batches/{id}/events': {
      get: {
        operationId: 'batchEvents',
        tags: ['batches'],
        summary: 'Tiến độ của lô (server-sent events: progress, rồi done hoặc failed)',
        parameters: [id],
        responses: {
          '200': {
            description: 'Dòng sự kiện tiến độ: "event: progress", rồi "event: done" hoặc "event: failed" (luồng đóng); "data:" của mỗi sự kiện là một BatchJob (JSON).',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          '404': problem('Không có lô này.'),
          '410': problem('Lô đã hết hạn.'),
        },
      },
    },
    '/api/batches/{id}/result': {
      get: {
        operationId: 'batchResult',
        tags: ['batches'],
        summary: 'Kết quả của lô (tệp ZIP)',
        parameters: [id],
        responses: {
          '200': { description: 'Tệp ZIP các văn bản.', content: { 'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } } } },
          '404': problem('Không có lô này.'),
          '409': problem('Lô chưa xong hoặc đã thất bại.'),
          '410': problem('Kết quả đã hết hạn.'),
        },
      },
    },
    '/api/batches/{id}/retry': {
      post: {
        operationId: 'retryBatch',
        tags: ['batches'],
        summary: 'Gửi lại một lô đã thất bại (thành lô mới)',
        parameters: [id],
        responses: {
          '202': accepted,
          '404': problem('Không có lô này.'),
          '409': problem('Lô không ở trạng thái thất bại.'),
          '410': problem('Lô đã hết hạn.'),
          '422': problem('Dữ liệu của lô không còn hợp lệ.'),
          '503': problem('Máy chủ bận hoặc đang dừng.'),
        },
      },
    },
  };
}

let cached: Json | undefined;

export function buildOpenApi(): Json {
  if (cached) return cached;
  const { documents } = loadSchemas();
  const schemaNames = [...documents.keys()].map(componentName);
  const components = { ...schemaComponents(documents), ...HTTP_SCHEMAS };
  const doc: Json = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'vanban HTTP API',
      version: '0.1.0',
      description: 'Kiểm tra dữ liệu, dựng văn bản thi đua, khen thưởng (DOCX, PDF) theo Nghị định 30/2020/NĐ-CP và kiểm tra hồ sơ đề nghị khen thưởng. Lỗi trả về dạng application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/' }],
    tags: [{ name: 'meta' }, { name: 'documents' }, { name: 'dossiers' }, { name: 'batches' }],
    paths: {
      '/healthz': { get: { operationId: 'health', tags: ['meta'], summary: 'Máy chủ còn chạy', responses: { '200': json(ref('Health'), 'Còn chạy.') } } },
      '/openapi.json': { get: { operationId: 'openapi', tags: ['meta'], summary: 'Tài liệu OpenAPI này', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1.') } } },
      '/api/kinds': { get: { operationId: 'listKinds', tags: ['meta'], summary: 'Các loại văn bản', responses: { '200': json({ type: 'array', items: ref('Kind') }, 'Danh sách loại văn bản.') } } },
      '/api/schemas/{name}': {
        get: {
          operationId: 'getSchema',
          tags: ['meta'],
          summary: 'Lược đồ JSON (nguyên bản, draft 2020-12) của một loại văn bản, hoặc common, hoso…',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { enum: schemaNames } }],
          responses: { '200': { description: 'Lược đồ JSON.', content: { 'application/schema+json': { schema: { type: 'object' } } } }, '404': problem('Không có lược đồ này.') },
        },
      },
      '/api/campaigns': { get: { operationId: 'listCampaigns', tags: ['meta'], summary: 'Các phong trào thi đua', responses: { '200': json({ type: 'array', items: ref('CampaignSummary') }, 'Danh sách phong trào.') } } },
      '/api/campaigns/{id}': {
        get: {
          operationId: 'getCampaign',
          tags: ['meta'],
          summary: 'Bộ quy tắc của một phong trào',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json(ref('campaign'), 'Bộ quy tắc.'), '404': problem('Không có phong trào này.') },
        },
      },
      ...documentPaths(),
      '/api/dossiers/check': {
        post: {
          operationId: 'checkDossier',
          tags: ['dossiers'],
          summary: 'Kiểm tra hồ sơ đề nghị khen thưởng (một tệp .zip, hoặc hoso.json cùng các tệp)',
          parameters: [{ name: 'format', in: 'query', description: 'json (mặc định): báo cáo; docx, pdf: Phiếu kiểm tra hồ sơ.', schema: { enum: ['json', 'docx', 'pdf'], default: 'json' } }],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  description: 'Hoặc một phần là tệp .zip; hoặc phần "hoso.json" và mỗi tệp một phần, tên phần là đường dẫn tương đối của tệp.',
                  properties: { file: { type: 'string', contentMediaType: 'application/zip' }, 'hoso.json': { ...ref('hoso') } },
                  additionalProperties: { type: 'string', contentMediaType: 'application/octet-stream' },
                },
              },
              'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } },
            },
          },
          responses: {
            '200': {
              description: 'Báo cáo kiểm tra (ok: false khi có lỗi chặn), hoặc Phiếu kiểm tra hồ sơ.',
              content: { 'application/json': { schema: ref('DossierReport') }, [DOCX_TYPE]: { schema: { type: 'string' } }, [PDF_TYPE]: { schema: { type: 'string' } } },
            },
            '400': problem('Multipart không hợp lệ.'),
            '422': problem('Không đọc được hồ sơ (tệp nén không an toàn, bom nén, thiếu hoso.json…); findings liệt kê lý do.'),
            ...COMMON_ERRORS,
          },
        },
      },
      ...batchPaths(documents.has('batch-header.schema.json')),
    },
    components: { schemas: components },
  };
  cached = doc;
  return doc;
}
