import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { isKindId, KIND_IDS, listKinds, type KindId } from '../kinds.js';
import { lintTemplates } from '../lint/template-lint.js';
import { ROOT } from '../paths.js';
import { check } from '../render/index.js';
import { renderOutputs, type Format, type PdfEngine } from '../render/output.js';
import { listCampaigns } from '../rules/campaigns.js';
import { rulesMarkdown } from '../rules/rules-doc.js';
import { checkDossier } from '../dossier/check.js';
import { dossierTable } from './dossier-table.js';
import { renderSlip } from '../dossier/slip.js';
import { unknownKindFinding, validate } from '../validate/index.js';
import type { Finding } from '../findings.js';
import { InputError, readJsonFile, writeFileAtomic } from './io.js';
import { countText, formatFindings } from './report.js';
import { LIST_LIMITS, planAndRunIsolated, BatchAbortedError, BatchRenderError } from '../batch/index.js';
import { progressSink } from '../batch/progress.js';

/** Exit codes: 0 done, 1 blocking findings, 2 input could not be read or the command was wrong. */
export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

function emitFindings(io: Io, json: boolean, ok: boolean, findings: Finding[], extra: Record<string, unknown> = {}): void {
  if (json) io.out(JSON.stringify({ ok, ...extra, findings }, null, 2));
  else if (findings.length) io[ok ? 'out' : 'err'](formatFindings(findings));
}

function requireKind(kind: string, io: Io, json: boolean): kind is KindId {
  if (isKindId(kind)) return true;
  emitFindings(io, json, false, [unknownKindFinding(kind)]);
  return false;
}

function readInput(path: string, io: Io, json: boolean): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: readJsonFile(path) };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    emitFindings(io, json, false, [{ code: err.code, severity: 'error', path: '', message: err.message }]);
    return { ok: false };
  }
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('vanban')
    .description('Soạn văn bản thi đua, khen thưởng (DOCX) từ dữ liệu biểu mẫu, đúng thể thức Nghị định 30/2020/NĐ-CP')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()), outputError: () => undefined })
    .helpOption('-h, --help', 'xem hướng dẫn')
    .helpCommand('help [lenh]', 'xem hướng dẫn của một lệnh')
    .exitOverride();

  program
    .command('kinds')
    .description('liệt kê các loại văn bản')
    .option('--json', 'kết quả dạng JSON')
    .action((o: { json?: boolean }) => {
      const kinds = listKinds().map((k) => ({ id: k.id, title: k.title, abbreviation: k.abbreviation }));
      if (o.json) io.out(JSON.stringify(kinds, null, 2));
      else for (const k of kinds) io.out(`${k.id.padEnd(28)} ${k.title}`);
    });

  program
    .command('validate')
    .description('kiểm tra dữ liệu của một văn bản theo lược đồ (exit 0: hợp lệ, 1: có lỗi)')
    .argument('<kind>', `loại văn bản: ${KIND_IDS.join(', ')}`)
    .argument('<input>', 'tệp dữ liệu JSON')
    .option('--json', 'kết quả dạng JSON')
    .action((kind: string, input: string, o: { json?: boolean }) => {
      const json = Boolean(o.json);
      if (!requireKind(kind, io, json)) return setExit(EXIT.input);
      const read = readInput(input, io, json);
      if (!read.ok) return setExit(EXIT.input);
      const r = validate(kind, read.data);
      emitFindings(io, json, r.valid, r.findings);
      if (!json) io[r.valid ? 'out' : 'err'](r.valid ? `Hợp lệ: ${input}` : `Không hợp lệ: ${countText(r.findings)}.`);
      setExit(r.valid ? EXIT.ok : EXIT.findings);
    });

  program
    .command('check')
    .description('kiểm tra dữ liệu theo lược đồ và theo bộ quy tắc của phong trào mà văn bản nêu (exit 0: không có lỗi chặn)')
    .argument('<kind>', `loại văn bản: ${KIND_IDS.join(', ')}`)
    .argument('<input>', 'tệp dữ liệu JSON')
    .option('--json', 'kết quả dạng JSON')
    .action((kind: string, input: string, o: { json?: boolean }) => {
      const json = Boolean(o.json);
      if (!requireKind(kind, io, json)) return setExit(EXIT.input);
      const read = readInput(input, io, json);
      if (!read.ok) return setExit(EXIT.input);
      const r = check(kind, read.data);
      emitFindings(io, json, r.valid, r.findings);
      if (!json) io[r.valid ? 'out' : 'err'](r.valid ? `Đạt: ${input}${r.findings.length ? ` (${countText(r.findings)})` : ''}` : `Không đạt: ${countText(r.findings)}.`);
      setExit(r.valid ? EXIT.ok : EXIT.findings);
    });

  program
    .command('campaigns')
    .description('liệt kê các phong trào thi đua (bộ quy tắc trong campaigns/)')
    .option('--json', 'kết quả dạng JSON')
    .action((o: { json?: boolean }) => {
      const list = listCampaigns().map((c) => ({ ma: c.ma, phienBan: c.phienBan, ten: c.ten, vanBanNguon: c.vanBanNguon.so, hinhThuc: c.hinhThuc.map((h) => h.ma), soQuyTac: c.quyTac.length }));
      if (o.json) io.out(JSON.stringify(list, null, 2));
      else for (const c of list) io.out(`${c.ma.padEnd(28)} ${c.vanBanNguon.padEnd(14)} ${c.ten}`);
    });

  const dossier = program.command('dossier').description('hồ sơ đề nghị khen thưởng');
  dossier
    .command('check')
    .description('kiểm tra hồ sơ (thư mục hoặc .zip có hoso.json) trước khi nộp (exit 0: được nộp; 1: có lỗi chặn; 2: không đọc được)')
    .argument('<path>', 'thư mục hoặc tệp .zip')
    .option('--json', 'kết quả dạng JSON')
    .option('--phieu <file>', 'ghi Phiếu kiểm tra hồ sơ (DOCX)')
    .action(async (path: string, o: { json?: boolean; phieu?: string }) => {
      const r = await checkDossier(resolve(path), { name: path });
      if (o.json) io.out(JSON.stringify(r, null, 2));
      else io[r.ok ? 'out' : 'err'](dossierTable(r));
      if (o.phieu) {
        const slip = renderSlip(r);
        if (slip.ok) {
          writeFileAtomic(resolve(o.phieu), slip.docx);
          if (!o.json) io.out(`Đã ghi phiếu kiểm tra: ${resolve(o.phieu)}`);
        } else io.err(formatFindings(slip.findings));
      }
      setExit(r.unreadable ? EXIT.input : r.ok ? EXIT.ok : EXIT.findings);
    });

  program
    .command('rules-doc')
    .description('sinh tài liệu bộ quy tắc (docs/RULES.md) từ campaigns/')
    .option('-o, --output <file>', 'tệp Markdown đầu ra', join(ROOT, 'docs', 'RULES.md'))
    .action((o: { output: string }) => {
      const target = resolve(o.output);
      writeFileAtomic(target, rulesMarkdown());
      io.out(`Đã ghi ${target}.`);
    });

  program
    .command('render')
    .description('dựng văn bản DOCX và/hoặc PDF (không ghi tệp nào khi dữ liệu có lỗi)')
    .argument('<kind>', `loại văn bản: ${KIND_IDS.join(', ')}`)
    .argument('<input>', 'tệp dữ liệu JSON')
    .requiredOption('-o, --output <file>', 'tệp đầu ra (.docx hoặc .pdf; với --format docx,pdf: phần đuôi được thay cho từng định dạng)')
    .option('--format <formats>', 'docx, pdf hoặc docx,pdf (mặc định theo đuôi tệp đầu ra)')
    .option('--pdf-engine <engine>', 'vanban (mặc định) hoặc libreoffice (khi máy có LibreOffice)', 'vanban')
    .option('--json', 'kết quả dạng JSON')
    .action(async (kind: string, input: string, o: { output: string; format?: string; pdfEngine: string; json?: boolean }) => {
      const json = Boolean(o.json);
      const fail = (code: string, message: string): void => {
        emitFindings(io, json, false, [{ code, severity: 'error', path: '', message }]);
        setExit(EXIT.input);
      };
      if (!requireKind(kind, io, json)) return setExit(EXIT.input);
      const ext = /\.(docx|pdf)$/i.exec(o.output)?.[1]?.toLowerCase();
      const formats = (o.format ?? ext ?? '').split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
      if (!formats.length || formats.some((f) => f !== 'docx' && f !== 'pdf')) {
        return fail('output.format', `Không rõ định dạng đầu ra cho "${o.output}": dùng đuôi .docx hoặc .pdf, hoặc --format docx, pdf, docx,pdf.`);
      }
      if (o.pdfEngine !== 'vanban' && o.pdfEngine !== 'libreoffice') return fail('output.pdf-engine', `Bộ dựng PDF "${o.pdfEngine}" không có; chọn vanban hoặc libreoffice.`);
      const read = readInput(input, io, json);
      if (!read.ok) return setExit(EXIT.input);
      const r = await renderOutputs(kind, read.data, { formats: formats as Format[], pdfEngine: o.pdfEngine as PdfEngine });
      if (!r.ok) {
        emitFindings(io, json, false, r.findings);
        if (!json) io.err(`Không dựng văn bản: ${countText(r.findings)}. Không ghi tệp nào.`);
        return setExit(EXIT.findings);
      }
      const base = resolve(o.output).replace(/\.(docx|pdf)$/i, '');
      const written: string[] = [];
      const target = (f: Format): string => (formats.length === 1 && ext === f ? resolve(o.output) : `${base}.${f}`);
      if (r.docx) {
        writeFileAtomic(target('docx'), r.docx);
        written.push(target('docx'));
      }
      if (r.pdf) {
        writeFileAtomic(target('pdf'), Buffer.from(r.pdf));
        written.push(target('pdf'));
      }
      emitFindings(io, json, true, r.findings, { output: written, pages: r.pages });
      if (!json) io.out(`Đã ghi ${written.join(', ')}.`);
      setExit(EXIT.ok);
    });

  const batch = program.command('batch').description('dựng văn bản theo lô từ danh sách Excel/CSV');
  batch
    .command('decisions')
    .description('dựng quyết định khen thưởng (DOCX, PDF, PDF gộp, bảng tổng hợp, manifest) từ danh sách và phần chung, vào một tệp ZIP (exit 0: xong; 1: danh sách có lỗi, không ghi tệp nào; 2: không đọc được đầu vào)')
    .argument('<list>', 'danh sách tập thể, cá nhân (.xlsx hoặc .csv UTF-8)')
    .requiredOption('--header <file>', 'phần chung của các quyết định (JSON theo schemas/batch-header.schema.json)')
    .requiredOption('-o, --output <file>', 'tệp ZIP đầu ra')
    .option('--mode <mode>', 'grouped (mỗi hình thức một quyết định kèm danh sách) hoặc per-awardee (mỗi tập thể, cá nhân một quyết định)', 'grouped')
    .option('--threads <n>', 'số luồng dựng song song (mặc định: số lõi CPU)')
    .option('--json', 'kết quả dạng JSON')
    .action(async (listPath: string, o: { header: string; output: string; mode: string; threads?: string; json?: boolean }) => {
      const json = Boolean(o.json);
      const fail = (code: string, message: string): void => {
        emitFindings(io, json, false, [{ code, severity: 'error', path: '', message }]);
        setExit(EXIT.input);
      };
      const target = resolve(o.output);
      try {
        if (!statSync(dirname(target)).isDirectory()) return fail('output.dir', `Thư mục đầu ra "${dirname(target)}" không có.`);
      } catch {
        return fail('output.dir', `Thư mục đầu ra "${dirname(target)}" không có.`);
      }
      const threads = o.threads === undefined ? undefined : Number(o.threads);
      if (threads !== undefined && (!Number.isInteger(threads) || threads < 0 || threads > 64)) return fail('batch.threads', `--threads phải là số nguyên từ 0 đến 64, nhận được "${o.threads}".`);
      let list: Buffer;
      try {
        const size = statSync(listPath).size;
        if (size > LIST_LIMITS.maxFileBytes) return fail('input.too-large', `Tệp "${listPath}" lớn ${Math.ceil(size / 1024)} KB, vượt giới hạn ${LIST_LIMITS.maxFileBytes / 1024 / 1024} MB.`);
        list = readFileSync(listPath);
      } catch {
        return fail('input.not-found', `Không tìm thấy tệp danh sách "${listPath}".`);
      }
      let headerBytes: Buffer;
      let header: unknown;
      try {
        header = readJsonFile(o.header);
        headerBytes = readFileSync(o.header);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        emitFindings(io, json, false, [{ code: err.code, severity: 'error', path: '', message: err.message }]);
        return setExit(EXIT.input);
      }
      const tty = io === defaultIo && Boolean(process.stderr.isTTY);
      const bar = progressSink({ tty, write: (s) => process.stderr.write(s), line: (s) => io.err(s), columns: process.stderr.columns });
      const abort = new AbortController();
      const onSignal = (): void => abort.abort();
      process.once('SIGINT', onSignal);
      try {
        // planned in its own thread, produced in the coordinator thread: the plan's findings come first, then progress
        const r = await planAndRunIsolated(
          { list, listName: basename(listPath), header, headerBytes, mode: o.mode },
          {
            output: target,
            ...(threads === undefined ? {} : { threads }),
            signal: abort.signal,
            onPlanned: ({ findings, planned: p }) => {
              if (json) return;
              if (findings.length) io.out(formatFindings(findings));
              io.out(`Dựng ${p.decisions} quyết định (${p.mode === 'grouped' ? 'mỗi hình thức một quyết định' : 'mỗi tập thể, cá nhân một quyết định'}) cho ${p.awardees} tập thể, cá nhân…`);
            },
            onProgress: json ? undefined : (x) => bar.update(x.done, x.total),
          },
        );
        if (!r.ok) {
          emitFindings(io, json, false, r.findings);
          if (!json) io.err(`Không dựng lô: ${countText(r.findings)}. Không ghi tệp nào.`);
          return setExit(r.unreadable ? EXIT.input : EXIT.findings);
        }
        bar.finish();
        const { result } = r;
        const c = result.manifest.counts;
        if (json) io.out(JSON.stringify({ ok: true, output: result.output, sha256: result.sha256, bytes: result.bytes, counts: c, bonus: result.manifest.bonus, findings: r.findings }, null, 2));
        else io.out(`Đã ghi ${result.output}: ${c.decisions} quyết định (${c.pages} trang) cho ${c.collectives} tập thể, ${c.persons} cá nhân${result.manifest.bonus ? `; tiền thưởng ${result.manifest.bonus.totalText}` : ''}. SHA-256 ${result.sha256}.`);
        setExit(EXIT.ok);
      } catch (err) {
        bar.finish();
        if (err instanceof BatchRenderError) {
          emitFindings(io, json, false, err.findings);
          if (!json) io.err(`${err.message} Không ghi tệp nào.`);
          return setExit(EXIT.findings);
        }
        if (err instanceof BatchAbortedError) {
          io.err('Đã dừng lô theo yêu cầu; không ghi tệp nào.');
          return setExit(EXIT.input);
        }
        throw err;
      } finally {
        process.off('SIGINT', onSignal);
      }
    });

  program
    .command('lint')
    .description('kiểm tra mẫu Word: mọi thẻ ứng với một trường, mọi trường bắt buộc đều được dùng')
    .option('--json', 'kết quả dạng JSON')
    .action((o: { json?: boolean }) => {
      const findings = lintTemplates();
      emitFindings(io, Boolean(o.json), findings.length === 0, findings);
      if (!o.json) io[findings.length ? 'err' : 'out'](findings.length ? `Mẫu có ${countText(findings)}.` : `Cả ${KIND_IDS.length} mẫu đều khớp với lược đồ.`);
      setExit(findings.length ? EXIT.findings : EXIT.ok);
    });

  program
    .command('serve')
    .description('chạy máy chủ HTTP API (JSON, OpenAPI tại /openapi.json); dừng êm bằng Ctrl+C hoặc SIGTERM')
    .option('--port <port>', 'cổng (mặc định biến PORT hoặc 3000)')
    .option('--data <dir>', 'thư mục dữ liệu của máy chủ (các lô)', 'data')
    .action(async (o: { port?: string; data: string }) => {
      const port = Number(o.port ?? process.env.PORT ?? 3000);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        io.err(`Cổng "${o.port ?? process.env.PORT}" không hợp lệ: dùng số từ 0 đến 65535.`);
        return setExit(EXIT.input);
      }
      const { startServer } = await import('../http/server.js');
      const server = await startServer({ port, dataDir: resolve(o.data), signals: true });
      io.out(`vanban HTTP API: ${server.url} (OpenAPI: ${server.url}/openapi.json). Dừng: Ctrl+C.`);
      await server.closed;
      setExit(EXIT.ok);
    });

  program
    .command('demo')
    .description('dựng văn bản mẫu (DOCX và PDF) của mọi loại từ dữ liệu mẫu kèm theo, vào thư mục out/')
    .option('-o, --output <dir>', 'thư mục đầu ra', 'out')
    .action(async (o: { output: string }) => {
      const dir = resolve(o.output);
      mkdirSync(dir, { recursive: true });
      let failed = 0;
      for (const kind of KIND_IDS) {
        const fixtures = join(ROOT, 'test', 'fixtures', kind);
        for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.json')).sort()) {
          const r = await renderOutputs(kind, readJsonFile(join(fixtures, file)), { formats: ['docx', 'pdf'] });
          if (!r.ok) {
            failed++;
            io.err(`${kind}/${file}:\n${formatFindings(r.findings)}`);
            continue;
          }
          const target = join(dir, `${kind}--${file.replace(/\.json$/, '')}`);
          writeFileAtomic(`${target}.docx`, r.docx!);
          writeFileAtomic(`${target}.pdf`, Buffer.from(r.pdf!));
          io.out(`  ${target}.docx  ${target}.pdf`);
        }
      }
      io.out(failed ? `${failed} văn bản không dựng được.` : `Xong. Mở các tệp .docx (Word, LibreOffice) và .pdf trong thư mục ${dir}.`);
      setExit(failed ? EXIT.findings : EXIT.ok);
    });

  return program;
}

const COMMANDER_VI: Record<string, string> = {
  'commander.unknownCommand': 'Lệnh không có. Xem "vanban --help".',
  'commander.missingArgument': 'Thiếu tham số. Xem "vanban help <lệnh>".',
  'commander.missingMandatoryOptionValue': 'Thiếu tùy chọn bắt buộc (ví dụ -o <tệp>).',
  'commander.optionMissingArgument': 'Tùy chọn thiếu giá trị.',
  'commander.unknownOption': 'Tùy chọn không có. Xem "vanban help <lệnh>".',
  'commander.excessArguments': 'Thừa tham số. Xem "vanban help <lệnh>".',
};

/** Runs the CLI and returns its exit code (never throws for user errors). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      const vi = COMMANDER_VI[err.code];
      if (vi) io.err(vi);
      return EXIT.input;
    }
    io.err(`Lỗi không mong đợi: ${(err as Error).message}`);
    return EXIT.input;
  }
  return code;
}
