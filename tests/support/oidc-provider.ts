import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real OpenID provider for the tests (`oidc-provider`, the certified implementation), on a
 * loopback port: confidential clients, PKCE required, e-mail claims in the ID token, and its
 * built-in development pages for signing in (any password; the login becomes the account id).
 */

export interface TestAccount {
	readonly email: string;
	readonly emailVerified: boolean;
}

export interface TestProvider {
	readonly issuer: string;
	close(): Promise<void>;
}

/** Lines the provider prints about being a development setup; expected here, and only noise. */
const expectedNotices = [
	"Unsupported runtime",
	"devInteractions is enabled",
	"in-memory adapter is used",
	"default clientBasedCORS function called",
];
let quieted = false;

function quiet(): void {
	if (quieted) return;
	quieted = true;
	for (const level of ["warn", "info"] as const) {
		const original = console[level].bind(console);
		console[level] = (...args: unknown[]) => {
			const line = String(args[0] ?? "");
			if (line.startsWith("oidc-provider ") && expectedNotices.some((n) => line.includes(n))) {
				return;
			}
			original(...args);
		};
	}
}

export async function startProvider(options: {
	readonly clientId: string;
	readonly clientSecret: string;
	readonly redirectUris: readonly string[];
	readonly accounts: Readonly<Record<string, TestAccount>>;
	readonly port?: number;
}): Promise<TestProvider> {
	quiet();
	const { default: Provider } = await import("oidc-provider");
	const server: Server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port ?? 0, "127.0.0.1", resolve);
	});
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
	const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "ES256" };
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: options.clientId,
				client_secret: options.clientSecret,
				redirect_uris: [...options.redirectUris],
				grant_types: ["authorization_code"],
				response_types: ["code"],
				id_token_signed_response_alg: "ES256",
			},
		],
		jwks: { keys: [jwk] },
		cookies: { keys: [randomBytes(32).toString("base64url")] },
		findAccount(_ctx, id) {
			const account = options.accounts[id];
			if (account === undefined) return undefined;
			return {
				accountId: id,
				claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified }),
			};
		},
		claims: { openid: ["sub"], email: ["email", "email_verified"] },
		// The e-mail claims in the ID token itself, not only from the userinfo endpoint.
		conformIdTokenClaims: false,
		pkce: { required: () => true },
		features: {
			devInteractions: { enabled: true },
			introspection: { enabled: false },
			revocation: { enabled: false },
			rpInitiatedLogout: { enabled: false },
		},
		clientBasedCORS: () => false,
		ttl: {
			AccessToken: 600,
			AuthorizationCode: 60,
			IdToken: 600,
			Interaction: 600,
			Session: 600,
			Grant: 600,
		},
	});
	server.on("request", provider.callback());
	return {
		issuer,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
