/**
 * Loads a guide page's exercises only when they are needed: when an exercise comes within about a
 * screen of the viewport (which focusing or clicking one brings it into). Guide
 * pages are read far more often than their exercises are done, so the simulator's code stays off
 * the first load; until it arrives, the island shows its server-rendered fallback ("loading").
 */
export function loadWhenNear(selector: string, load: () => Promise<unknown>): void {
	const islands = document.querySelectorAll(selector);
	if (islands.length === 0) return;
	if (!("IntersectionObserver" in window)) return void load();
	// Focusing or clicking an exercise scrolls it into view, so the observer covers those too.
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((e) => e.isIntersecting)) return;
			observer.disconnect();
			void load();
		},
		{ rootMargin: "100% 0px" },
	);
	islands.forEach((island) => observer.observe(island));
}
