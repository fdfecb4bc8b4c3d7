import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { ServerConfig } from "../config.ts";
import type { Listener } from "./shell.ts";

/**
 * Node's defaults suit a server behind a load balancer that already guards it; this one may face
 * trainees' browsers directly. A request (headers and body) must arrive within
 * REQUEST_TIMEOUT_SECONDS (30 s: an 8 MB import needs about 2 Mbit/s), its headers within 10 s;
 * idle keep-alive connections close after 5 s, and at most MAX_CONNECTIONS are open at once (512:
 * a cohort submitting together needs a handful each). Node checks the deadlines every second
 * instead of every 30.
 */
export function serverOptions(config: ServerConfig): http.ServerOptions {
	const requestTimeout = config.requestTimeoutSeconds * 1000;
	return {
		requestTimeout,
		headersTimeout: Math.min(10_000, requestTimeout),
		keepAliveTimeout: 5_000,
		connectionsCheckingInterval: 1_000,
		maxHeaderSize: 16 * 1024,
	};
}

/** An http server, or https when SERVER_CERT_PATH and SERVER_KEY_PATH name a certificate. */
export function createHttpServer(
	listener: Listener,
	config: ServerConfig,
	env: Readonly<Record<string, string | undefined>> = process.env,
): http.Server {
	const options = serverOptions(config);
	const server =
		env.SERVER_CERT_PATH && env.SERVER_KEY_PATH
			? https.createServer(
					{
						...options,
						cert: readFileSync(env.SERVER_CERT_PATH),
						key: readFileSync(env.SERVER_KEY_PATH),
					},
					listener,
				)
			: http.createServer(options, listener);
	server.maxConnections = config.maxConnections;
	server.maxHeadersCount = 100;
	// A client that stops reading a response (or sending on a kept-alive socket) is dropped.
	server.setTimeout(60_000, (socket) => socket.destroy());
	return server;
}
