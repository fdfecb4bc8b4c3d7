// @ts-check
/**
 * Which files a lazy import fetches up front. Vite lists, in the importing file, every chunk a lazy
 * import needs, so that they all load at once. For the guide's exercises that list would sit in the
 * loader every guide page with an exercise loads (about 150 bytes gzip for ten file names), for an
 * exercise most readers never scroll to. So their entries fetch their own imports once they run:
 * one more round trip, begun a screen before the exercise is in view (`on-demand.ts`). Stylesheets
 * stay listed, as nothing else would load them.
 *
 * Set from a plugin because Astro overwrites `build.modulePreload` in the configuration it hands
 * Vite; a plugin's `configEnvironment` is applied after that.
 * @returns {import("vite").Plugin}
 */
export function lazyPreloadPlugin() {
	/** @type {(file: string) => boolean} */
	const fetchesOwnImports = (file) => /(^|\/)exercises\.[\w-]+\.js$/.test(file);
	return {
		name: "staging-trainer:lazy-preload",
		configEnvironment(name) {
			if (name !== "client") return;
			return {
				build: {
					modulePreload: {
						polyfill: false,
						resolveDependencies: (file, deps) => (fetchesOwnImports(file) ? [] : deps),
					},
				},
			};
		},
	};
}
