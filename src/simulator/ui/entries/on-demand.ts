/**
 * Loads a guide page's exercises only when they are needed: when an exercise comes within about a
 * screen of the viewport (which focusing or clicking one brings it into). Guide pages are read far
 * more often than their exercises are done, so the simulator's code stays off the first load; until
 * it arrives, the island shows its server-rendered fallback ("loading"). Every page of the guide
 * with an exercise loads this, so it is kept to the least code (no fallback for browsers without
 * IntersectionObserver: every browser the site supports has it).
 */
export function loadWhenNear(selector: string, load: () => Promise<unknown>): void {
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((e) => e.isIntersecting)) return;
			observer.disconnect();
			void load();
		},
		{ rootMargin: "100% 0px" },
	);
	document.querySelectorAll(selector).forEach((island) => observer.observe(island));
}
