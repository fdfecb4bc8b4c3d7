// How long each scenario's demo plays, from the same gestures and waits the player uses
// (src/simulator/ui/demo/timing.ts): `npm run bench:demo`. Seed 1; names vary little by seed.
import { withoutEmphasis } from "../../src/i18n/emphasis.ts";
import { messages } from "../../src/i18n/messages.ts";
import { translator } from "../../src/i18n/translator.ts";
import { scenarios } from "../../src/simulator/scenarios/registry.ts";
import { variant } from "../../src/simulator/scenarios/variant.ts";
import { demoPlan, type Gesture } from "../../src/simulator/ui/demo/plan.ts";
import { demoDuration } from "../../src/simulator/ui/demo/timing.ts";

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
console.log("| scenario | actions | de normal | en normal | en fast | en reduced motion, normal |");
console.log("|---|---|---|---|---|---|");
for (const source of scenarios) {
	const s = variant(source, 1);
	const row: string[] = [source.id];
	for (const locale of ["de", "en"] as const) {
		const plan = demoPlan(s, translator(locale));
		const gestures: Gesture[] = plan.flatMap((d) => d.gestures ?? []);
		const events = plan.map((d) => d.event);
		const why = (step: Gesture["step"]) => withoutEmphasis(messages[locale].stepWhy[step]);
		if (locale === "de") row.push(String(events.length));
		row.push(seconds(demoDuration(gestures, why)));
		if (locale === "en") {
			row.push(seconds(demoDuration(gestures, why, "fast")));
			row.push(seconds(demoDuration(gestures, why, "normal", true)));
		}
	}
	console.log(`| ${row.join(" | ")} |`);
}
