/**
 * A listening HTTP server around {@link createApp}, with graceful shutdown: stop accepting, let in-flight
 * requests finish (bounded by `shutdownGraceMs`), run the `onShutdown` hooks (batch jobs finish or are
 * marked), then close what is left.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp, createLogger } from './app.js';
import { resolveHttpLimits, type HttpLimits, type ShutdownHook } from './context.js';

export interface ServerOptions {
  /** 0 = an ephemeral port. */
  port: number;
  /** Interface to listen on; all interfaces by default. */
  host?: string;
  dataDir?: string;
  limits?: Partial<HttpLimits>;
  logger?: Logger;
  logLevel?: string;
  /** Close gracefully on SIGTERM and SIGINT (the `serve` command); a second signal exits at once. */
  signals?: boolean;
  /** Render threads for documents (default one per core; 0 renders on the server's own thread). */
  renderThreads?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  /** Hooks run on shutdown; push to it (the app's routers get the same list as `ctx.onShutdown`). */
  onShutdown: ShutdownHook[];
  /** Stops accepting, waits for in-flight requests (bounded), runs the hooks. Idempotent. */
  close(): Promise<void>;
  /** Settles once the server has closed. */
  closed: Promise<void>;
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)).unref());

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(opts.logLevel);
  const limits = resolveHttpLimits(opts.limits);
  const onShutdown: ShutdownHook[] = [];
  let shuttingDown = false;
  const app = createApp({ limits, dataDir: opts.dataDir, logger, onShutdown, shuttingDown: () => shuttingDown, renderThreads: opts.renderThreads });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // bounded header and request times: a slow client cannot hold a connection forever
  server.headersTimeout = 60_000;
  server.requestTimeout = 10 * 60_000;
  server.keepAliveTimeout = 5_000;

  const address = server.address() as AddressInfo;
  const host = opts.host ?? 'localhost';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> =>
    (closing ??= (async () => {
      shuttingDown = true;
      const deadline = Date.now() + limits.shutdownGraceMs;
      logger.info({ graceMs: limits.shutdownGraceMs }, 'shutting down: no new connections, finishing in-flight requests');
      const stopped = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      // keep-alive connections become idle as their responses finish
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      sweep.unref();
      try {
        await Promise.allSettled(
          onShutdown.map((hook) =>
            Promise.race([
              Promise.resolve().then(() => hook({ deadline })),
              delay(deadline - Date.now()).then(() => logger.warn('a shutdown hook did not finish in time')),
            ]),
          ),
        );
        await Promise.race([stopped, delay(deadline - Date.now())]);
      } finally {
        clearInterval(sweep);
        server.closeAllConnections();
        await stopped;
        logger.info('server closed');
        resolveClosed();
      }
    })());

  if (opts.signals) {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (signalled) {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      signalled = true;
      logger.info({ signal }, 'signal received');
      void close().then(() => {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  logger.info({ url }, 'vanban HTTP API listening');
  return { url, port: address.port, server, onShutdown, close, closed };
}
