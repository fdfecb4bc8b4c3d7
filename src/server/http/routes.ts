/**
 * The server's surface: which methods each path answers. Everything not listed is the prerendered
 * guide and its assets (GET and HEAD only). The shell answers any other method with 405 before a
 * route sees it, so no route has to think about TRACE, PUT or a POST to a static page.
 * `tests/unit/server/shell.test.ts` keeps this table in step with `src/pages`.
 */

export type Method = "GET" | "HEAD" | "POST";

export interface Route {
	/** What the route is, for the 405's message and for the test that keeps this table right. */
	readonly name: string;
	readonly pattern: RegExp;
	/** GET implies HEAD. */
	readonly methods: readonly ("GET" | "POST")[];
}

export const onDemandRoutes: readonly Route[] = [
	{ name: "language redirect", pattern: /^\/$/, methods: ["GET"] },
	{ name: "api/attempts", pattern: /^\/api\/attempts\/?$/, methods: ["GET", "POST"] },
	{ name: "api/attempts.csv", pattern: /^\/api\/attempts\.csv$/, methods: ["GET"] },
	{ name: "api/attempts/[id]", pattern: /^\/api\/attempts\/[^/]+\/?$/, methods: ["GET"] },
	{ name: "api/cohorts", pattern: /^\/api\/cohorts\/?$/, methods: ["GET", "POST"] },
	{ name: "api/cohorts/join", pattern: /^\/api\/cohorts\/join\/?$/, methods: ["POST"] },
	{
		name: "api/cohorts/[id]/insight.csv",
		pattern: /^\/api\/cohorts\/[^/]+\/insight\.csv$/,
		methods: ["GET"],
	},
	{
		name: "api/cohorts/[id]/close",
		pattern: /^\/api\/cohorts\/[^/]+\/close\/?$/,
		methods: ["POST"],
	},
	{
		name: "api/cohorts/[id]/reopen",
		pattern: /^\/api\/cohorts\/[^/]+\/reopen\/?$/,
		methods: ["POST"],
	},
	{ name: "api/cohorts/[id]", pattern: /^\/api\/cohorts\/[^/]+\/?$/, methods: ["GET", "POST"] },
	{
		name: "api/certificates/[code].pdf",
		pattern: /^\/api\/certificates\/[^/]+\.pdf$/,
		methods: ["GET"],
	},
	{ name: "api/cohort-attempts", pattern: /^\/api\/cohort-attempts\/?$/, methods: ["POST"] },
	{ name: "api/health", pattern: /^\/api\/health\/?$/, methods: ["GET"] },
	{ name: "api/scenarios/public", pattern: /^\/api\/scenarios\/public\/?$/, methods: ["GET"] },
	{
		name: "api/scenarios/[id]/draft",
		pattern: /^\/api\/scenarios\/[^/]+\/draft\/?$/,
		methods: ["GET"],
	},
	{
		name: "api/scenarios/[id]/export",
		pattern: /^\/api\/scenarios\/[^/]+\/export\/?$/,
		methods: ["GET"],
	},
	{ name: "api/trainer/audit.csv", pattern: /^\/api\/trainer\/audit\.csv$/, methods: ["GET"] },
	{ name: "api/trainer/oidc/start", pattern: /^\/api\/trainer\/oidc\/start$/, methods: ["POST"] },
	{
		name: "api/trainer/oidc/callback",
		pattern: /^\/api\/trainer\/oidc\/callback$/,
		methods: ["GET"],
	},
	{ name: "api/trainer/login", pattern: /^\/api\/trainer\/login\/?$/, methods: ["POST"] },
	{ name: "api/trainer/logout", pattern: /^\/api\/trainer\/logout\/?$/, methods: ["POST"] },
	{
		name: "[lang]/trainer/login",
		pattern: /^\/[^/]+\/trainer\/login\/?$/,
		methods: ["GET", "POST"],
	},
	{
		name: "[lang]/trainer/logout",
		pattern: /^\/[^/]+\/trainer\/logout\/?$/,
		methods: ["GET", "POST"],
	},
	{
		name: "[lang]/trainer/accounts",
		pattern: /^\/[^/]+\/trainer\/accounts\/?$/,
		methods: ["GET", "POST"],
	},
	{ name: "[lang]/trainer/audit", pattern: /^\/[^/]+\/trainer\/audit\/?$/, methods: ["GET"] },
	{
		name: "[lang]/trainer/invitation",
		pattern: /^\/[^/]+\/trainer\/invitation\/?$/,
		methods: ["GET", "POST"],
	},
	{
		name: "[lang]/trainer/import",
		pattern: /^\/[^/]+\/trainer\/import\/?$/,
		methods: ["GET", "POST"],
	},
	{
		name: "[lang]/trainer/cohorts/new",
		pattern: /^\/[^/]+\/trainer\/cohorts\/new\/?$/,
		methods: ["GET", "POST"],
	},
	{
		name: "[lang]/trainer/cohorts/[id]/settings",
		pattern: /^\/[^/]+\/trainer\/cohorts\/[^/]+\/settings\/?$/,
		methods: ["GET", "POST"],
	},
	{
		name: "[lang]/trainer/cohorts/[id]/certificate",
		pattern: /^\/[^/]+\/trainer\/cohorts\/[^/]+\/certificate\/?$/,
		methods: ["GET"],
	},
	{
		name: "[lang]/trainer/cohorts/[id]/lms",
		pattern: /^\/[^/]+\/trainer\/cohorts\/[^/]+\/lms\/?$/,
		methods: ["GET"],
	},
	{
		name: "[lang]/trainer/cohorts/[id]",
		pattern: /^\/[^/]+\/trainer\/cohorts\/[^/]+\/?$/,
		methods: ["GET"],
	},
	{ name: "[lang]/trainer/cohorts", pattern: /^\/[^/]+\/trainer\/cohorts\/?$/, methods: ["GET"] },
	{
		name: "[lang]/trainer/scenarios",
		pattern: /^\/[^/]+\/trainer\/scenarios\/?$/,
		methods: ["GET", "POST"],
	},
	{
		name: "[lang]/trainer/scenarios/[id]",
		pattern: /^\/[^/]+\/trainer\/scenarios\/[^/]+\/?$/,
		methods: ["GET", "POST"],
	},
	{ name: "[lang]/trainer/summary", pattern: /^\/[^/]+\/trainer\/summary\/?$/, methods: ["GET"] },
	{
		name: "[lang]/trainer/attempts/[id]",
		pattern: /^\/[^/]+\/trainer\/attempts\/[^/]+\/?$/,
		methods: ["GET"],
	},
	{ name: "[lang]/trainer", pattern: /^\/[^/]+\/trainer\/?$/, methods: ["GET"] },
	{ name: "[lang]/verify", pattern: /^\/[^/]+\/verify\/?$/, methods: ["GET"] },
	{ name: "[lang]/verify/[code]", pattern: /^\/[^/]+\/verify\/[^/]+\/?$/, methods: ["GET"] },
];

/** The methods a path answers: its route's, or GET and HEAD for the static site. */
export function allowedMethods(pathname: string): readonly Method[] {
	const route = onDemandRoutes.find((r) => r.pattern.test(pathname));
	const methods = route?.methods ?? ["GET"];
	return methods.includes("GET") ? ["GET", "HEAD", ...methods.filter((m) => m !== "GET")] : methods;
}

/** Paths under /api/ answer JSON, errors included. */
export function isApiPath(pathname: string): boolean {
	return pathname === "/api" || pathname.startsWith("/api/");
}

/** The trainer area and the API: personal data, never framed, never cached. */
export function isPrivatePath(pathname: string): boolean {
	return isApiPath(pathname) || /^\/[^/]+\/trainer(\/|$)/.test(pathname);
}
