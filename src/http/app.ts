/**
 * The express application of the HTTP face, assembled from routers that only call the library.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { createDocumentPool, type DocumentPool } from '../render/pool.js';
import { Gate, resolveHttpLimits, type AppContext, type HttpLimits, type ShutdownHook } from './context.js';
import { errorHandler, notFound } from './errors.js';
import { batchesRouter } from './routes/batches.js';
import { campaignsRouter } from './routes/campaigns.js';
import { documentsRouter } from './routes/documents.js';
import { dossiersRouter } from './routes/dossiers.js';
import { kindsRouter } from './routes/kinds.js';
import { schemasRouter } from './routes/schemas.js';
import { systemRouter } from './routes/system.js';

export interface AppOptions {
  /** Overrides of {@link HTTP_LIMITS} (and, under `dossier`, of the dossier reader's bounds). */
  limits?: Partial<HttpLimits>;
  /** Folder for server-side data (batch jobs); default ./data. */
  dataDir?: string;
  /** A ready logger; else one at `logLevel` ?? LOG_LEVEL ?? info (silent under vitest). */
  logger?: Logger;
  logLevel?: string;
  /** The shutdown hook list to share with the server (routers push to it). */
  onShutdown?: ShutdownHook[];
  /** Tells routes that shutdown has begun. */
  shuttingDown?: () => boolean;
  /** Render threads for documents (default one per core; 0 renders on the server's own thread). */
  renderThreads?: number;
}

const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function createLogger(level?: string): Logger {
  return pino({ level: level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'), base: { app: 'vanban' } });
}

/** The context every router receives; kept on `app.locals.ctx`. */
export function appContext(app: Express): AppContext {
  return app.locals.ctx as AppContext;
}

export function createApp(options: AppOptions = {}): Express {
  const logger = options.logger ?? createLogger(options.logLevel);
  const limits = resolveHttpLimits(options.limits);
  const onShutdown = options.onShutdown ?? [];
  // render threads start with the first render and end with the server
  let pool: Promise<DocumentPool> | undefined;
  const renderer = (): Promise<DocumentPool> => {
    if (!pool) {
      pool = createDocumentPool({ threads: options.renderThreads });
      onShutdown.push(async () => (await pool!).destroy());
    }
    return pool;
  };
  const ctx: AppContext = {
    limits,
    dataDir: resolve(options.dataDir ?? 'data'),
    logger,
    onShutdown,
    shuttingDown: options.shuttingDown ?? (() => false),
    heavy: new Gate(limits.heavyConcurrency, limits.heavyQueue),
    render: async (kind, data, o) => (await renderer()).render(kind, data, o),
  };

  const app = express();
  app.locals.ctx = ctx;
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (ctx.shuttingDown()) res.setHeader('Connection', 'close');
    next();
  });

  app.use(systemRouter(ctx));
  app.use('/api/kinds', kindsRouter(ctx));
  app.use('/api/schemas', schemasRouter(ctx));
  app.use('/api/campaigns', campaignsRouter(ctx));
  app.use('/api/documents', documentsRouter(ctx));
  app.use('/api/dossiers', dossiersRouter(ctx));
  app.use('/api/batches', batchesRouter(ctx));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
