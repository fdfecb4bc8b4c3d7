/**
 * Loads a guide page's exercises only when they are needed: when an exercise comes within about a
 * screen of the viewport, or when the reader interacts with one (keyboard focus, pointer). Guide
 * pages are read far more often than their exercises are done, so the simulator's code stays off
 * the first load; until it arrives, the island shows its server-rendered fallback ("loading").
 */
export function loadWhenNear(selector: string, load: () => Promise<unknown>): void {
	const islands = [...document.querySelectorAll<HTMLElement>(selector)];
	if (islands.length === 0) return;
	let started = false;
	const start = () => {
		if (started) return;
		started = true;
		observer?.disconnect();
		for (const island of islands) {
			island.removeEventListener("focusin", start);
			island.removeEventListener("pointerdown", start);
		}
		void load();
	};
	const observer =
		"IntersectionObserver" in window
			? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
					rootMargin: "100% 0px",
				})
			: null;
	if (observer === null) return start();
	for (const island of islands) {
		observer.observe(island);
		island.addEventListener("focusin", start);
		island.addEventListener("pointerdown", start);
	}
}
