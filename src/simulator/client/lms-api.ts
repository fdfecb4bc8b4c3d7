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
	/** Ends the session; nothing may be called after it. */
	finish(): boolean;
	error(): string;
}

interface Api12 {
	LMSInitialize(arg: ""): string;
	LMSFinish(arg: ""): string;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string;
	LMSCommit(arg: ""): string;
	LMSGetLastError(): string;
	LMSGetErrorString(code: string): string;
}

interface Api2004 {
	Initialize(arg: ""): string;
	Terminate(arg: ""): string;
	GetValue(element: string): string;
	SetValue(element: string, value: string): string;
	Commit(arg: ""): string;
	GetLastError(): string;
	GetErrorString(code: string): string;
}

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

/** Opens a session with the LMS, or undefined when there is no LMS or it refuses to start one. */
export function connectLms(
	version: ScormVersion,
	from: Window = window,
): LmsConnection | undefined {
	const found = findApi(version, from);
	if (!found) return undefined;
	if (version === "1.2") {
		const api = found as Api12;
		if (String(api.LMSInitialize("")) !== "true") return undefined;
		return {
			version,
			get: (element) => String(api.LMSGetValue(element) ?? ""),
			set: (element, value) => String(api.LMSSetValue(element, value)) === "true",
			commit: () => String(api.LMSCommit("")) === "true",
			finish: () => String(api.LMSFinish("")) === "true",
			error: () => {
				const code = String(api.LMSGetLastError());
				return `${code} ${api.LMSGetErrorString(code)}`;
			},
		};
	}
	const api = found as Api2004;
	if (String(api.Initialize("")) !== "true") return undefined;
	return {
		version,
		get: (element) => String(api.GetValue(element) ?? ""),
		set: (element, value) => String(api.SetValue(element, value)) === "true",
		commit: () => String(api.Commit("")) === "true",
		finish: () => String(api.Terminate("")) === "true",
		error: () => {
			const code = String(api.GetLastError());
			return `${code} ${api.GetErrorString(code)}`;
		},
	};
}
