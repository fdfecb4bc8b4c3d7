import type { ScormVersion } from "../lms/scorm.ts";

/**
 * The LMS's SCORM run-time API, found and opened the standard way, behind one interface for both
 * versions: SCORM 1.2's `API` (LMSInitialize …) and SCORM 2004's `API_1484_11` (Initialize …).
 */
export interface LmsConnection {
	readonly version: ScormVersion;
	get(element: string): string;
	/** False when the LMS refused the value; `error()` says why. */
	set(element: string, value: string): boolean;
	commit(): boolean;
	/** Ends the connection; nothing may be called after it. */
	finish(): boolean;
	error(): string;
}

/** The run-time API's functions, which each version names its own way (1.2 with an `LMS` prefix). */
const methods = {
	"1.2": {
		initialize: "LMSInitialize",
		finish: "LMSFinish",
		get: "LMSGetValue",
		set: "LMSSetValue",
		commit: "LMSCommit",
		lastError: "LMSGetLastError",
		errorString: "LMSGetErrorString",
	},
	"2004": {
		initialize: "Initialize",
		finish: "Terminate",
		get: "GetValue",
		set: "SetValue",
		commit: "Commit",
		lastError: "GetLastError",
		errorString: "GetErrorString",
	},
} as const;

const apiName: Record<ScormVersion, string> = { "1.2": "API", "2004": "API_1484_11" };

/**
 * ADL's search: this window, then each parent up to seven levels (an LMS may nest the package in
 * frames), then the window that opened this one and its parents (an LMS may open it in a pop-up).
 * A frame of another origin cannot be read; the search goes on past it.
 */
export function findApi(version: ScormVersion, from: Window = window): unknown {
	const name = apiName[version];
	const search = (start: Window | null): unknown => {
		let current = start;
		for (let level = 0; current && level <= 7; level++) {
			try {
				const api = (current as unknown as Record<string, unknown>)[name];
				if (api) return api;
			} catch {
				// Another origin's frame: keep looking further up.
			}
			if (current.parent === current) break;
			current = current.parent;
		}
		return undefined;
	};
	return search(from) ?? search(from.opener as Window | null);
}

/** Opens the connection to the LMS, or undefined when there is no LMS or it refuses one. */
export function connectLms(
	version: ScormVersion,
	from: Window = window,
): LmsConnection | undefined {
	const api = findApi(version, from) as Record<string, (...args: string[]) => unknown> | undefined;
	if (!api) return undefined;
	const m = methods[version];
	// Every function answers a string; "true" is success.
	const call = (name: string, ...args: string[]) => String(api[name]?.(...args) ?? "");
	if (call(m.initialize, "") !== "true") return undefined;
	return {
		version,
		get: (element) => call(m.get, element),
		set: (element, value) => call(m.set, element, value) === "true",
		commit: () => call(m.commit, "") === "true",
		finish: () => call(m.finish, "") === "true",
		error: () => {
			const code = call(m.lastError);
			return `${code} ${call(m.errorString, code)}`;
		},
	};
}
