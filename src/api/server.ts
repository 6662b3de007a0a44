import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { ClaimtrailError } from '../model/errors.ts'
import { createApp, type AppOptions } from './app.ts'

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string
  readonly port: number
  /** Stop accepting connections and wait for open ones to finish. */
  close(): Promise<void>
}

/** Options for {@link startServer}. */
export interface ServerOptions extends AppOptions {
  /** Port; 0 picks a free one (tests). Default 8080. */
  readonly port?: number
  /** Interface to bind; default 127.0.0.1 (this machine only). */
  readonly host?: string
}

/**
 * Serve the API and the web app from one process.
 *
 * @example
 * const server = await startServer({ store, port: 0 })
 * await fetch(`${server.url}/api/figures`)
 * await server.close()
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options)
  const host = options.host ?? '127.0.0.1'
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, (info: AddressInfo) => {
      const shown = host.includes(':') ? `[${host}]` : host
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => {
          server.close(() => done())
          // Keep-alive connections from browsers would hold close() open for seconds.
          if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections()
        }),
      })
    })
    server.once('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'EADDRINUSE' ? `port ${options.port} is in use; pick another with --port`
        : e.code === 'EACCES' ? `no permission to bind ${host}:${options.port}; use a port above 1024`
        : e.message
      reject(new ClaimtrailError('USAGE', `cannot listen on ${host}:${options.port}: ${why}`, { cause: e }))
    })
  })
}
