import { describe, expect, test } from "vitest";
import { connectLms, findApi } from "../../../src/simulator/client/lms-api.ts";

/** Windows as the API search sees them: a parent chain, an opener, and frames of other origins. */
type FakeWindow = { parent: FakeWindow; opener: FakeWindow | null; [name: string]: unknown };

function chain(depth: number, top: Record<string, unknown> = {}): FakeWindow[] {
	const root = { opener: null, ...top } as FakeWindow;
	root.parent = root;
	const windows = [root];
	for (let i = 1; i <= depth; i++) {
		const child = { parent: windows[i - 1], opener: null } as FakeWindow;
		windows.push(child);
	}
	return windows;
}
const asWindow = (w: FakeWindow) => w as unknown as Window;

describe("finding the LMS's API", () => {
	test("in a parent frame up to seven levels above, by the version's name", () => {
		const api = { marker: 1 };
		const windows = chain(7, { API_1484_11: api });
		expect(findApi("2004", asWindow(windows[7]!))).toBe(api);
		expect(findApi("1.2", asWindow(windows[7]!))).toBeUndefined();
	});

	test("not further than seven levels up, as the standard's search", () => {
		const windows = chain(9, { API: {} });
		expect(findApi("1.2", asWindow(windows[9]!))).toBeUndefined();
	});

	test("past a frame of another origin, whose properties throw when read", () => {
		const api = {};
		const windows = chain(2, { API: api });
		const foreign = new Proxy(windows[1]!, {
			get: (target, key) => {
				if (key === "parent") return target.parent;
				throw new DOMException("Blocked a frame", "SecurityError");
			},
		});
		const child = { parent: foreign, opener: null } as FakeWindow;
		expect(findApi("1.2", asWindow(child))).toBe(api);
	});

	test("in the window that opened this one, when the LMS uses a pop-up", () => {
		const api = {};
		const opener = chain(1, { API: api })[1]!;
		const popup = chain(0)[0]!;
		popup.opener = opener;
		expect(findApi("1.2", asWindow(popup))).toBe(api);
	});

	test("an LMS that refuses to initialize gives no connection", () => {
		const refusing = { LMSInitialize: () => "false" };
		expect(connectLms("1.2", asWindow(chain(0, { API: refusing })[0]!))).toBeUndefined();
		const calls: string[] = [];
		const accepting = {
			LMSInitialize: () => "true",
			LMSSetValue: (e: string, v: string) => (calls.push(`${e}=${v}`), "true"),
			LMSGetValue: () => "Beispiel, Jana",
		};
		const lms = connectLms("1.2", asWindow(chain(0, { API: accepting })[0]!));
		expect(lms?.get("cmi.core.student_name")).toBe("Beispiel, Jana");
		expect(lms?.set("cmi.core.lesson_status", "passed")).toBe(true);
		expect(calls).toEqual(["cmi.core.lesson_status=passed"]);
	});
});
