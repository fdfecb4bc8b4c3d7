/**
 * Where a session's saved form lives. The practice page and the guide's exercises keep it in
 * `localStorage`, so a reload resumes and several tabs share one session. A trainer's replay and a
 * SCORM package inside an LMS keep it in memory: the replay shows someone else's attempt, and the
 * LMS keeps the package's attempt itself, so neither may leave anything in the browser.
 */
export interface SessionStorage {
	/** The saved text under `key`, or undefined when there is none. */
	read(key: string): string | undefined;
	/** Saves `text` under `key`; undefined removes it. */
	write(key: string, text: string | undefined): void;
	/**
	 * Calls `changed` with the text now under `key` whenever something other than this page may
	 * have changed it (another tab, or the page coming back from the back-forward cache). Returns a
	 * function that stops watching.
	 */
	watch(key: string, changed: (text: string | undefined) => void): () => void;
}

/**
 * `localStorage`. Where it is refused (a private window of some browsers, storage switched off)
 * nothing is saved and the session runs as if in memory: it is lost on reload, but it works.
 */
export const browserStorage: SessionStorage = {
	read(key) {
		try {
			return localStorage.getItem(key) ?? undefined;
		} catch {
			return undefined;
		}
	},
	write(key, text) {
		try {
			if (text === undefined) localStorage.removeItem(key);
			else localStorage.setItem(key, text);
		} catch {
			// Full or refused: the session goes on in memory.
		}
	},
	watch(key, changed) {
		// A null key is `localStorage.clear()` in another tab: every key may be gone.
		const onStorage = (event: StorageEvent) => {
			if (event.key === key || event.key === null) changed(browserStorage.read(key));
		};
		const onShow = () => changed(browserStorage.read(key));
		addEventListener("storage", onStorage);
		addEventListener("pageshow", onShow);
		return () => {
			removeEventListener("storage", onStorage);
			removeEventListener("pageshow", onShow);
		};
	},
};

/** A storage of this page's own that nothing else sees and that is gone with the page. */
export function memoryStorage(): SessionStorage {
	const texts = new Map<string, string>();
	return {
		read: (key) => texts.get(key),
		write(key, text) {
			if (text === undefined) texts.delete(key);
			else texts.set(key, text);
		},
		watch: () => () => {},
	};
}
