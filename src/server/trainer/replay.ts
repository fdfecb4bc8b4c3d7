import type { Translate } from "../../simulator/text/locale.ts";
import type { GradeResult } from "../../simulator/grading/index.ts";

/** The replay's own texts (trainer.replay.*), as the attempt page hands them to its island. */
const replayKeys = [
	"title",
	"controls",
	"first",
	"back",
	"next",
	"last",
	"position",
	"findingsHere",
	"jump",
	"jumpTo",
	"failed",
] as const;

/**
 * The texts the replay needs beyond the simulator's: its labels and the titles of this attempt's
 * findings, in the page's language. The page writes them into the island, so the replay's code
 * does not bundle the trainer's and the rubric's texts, which would otherwise ride along with the
 * practice page's (the two entries would share one chunk of the language file).
 */
export function replayTexts(t: Translate, grade: GradeResult) {
	return {
		trainer: { replay: Object.fromEntries(replayKeys.map((k) => [k, t(`trainer.replay.${k}`)])) },
		rubric: Object.fromEntries(grade.findings.map((f) => [f.rule, t(`rubric.${f.rule}`)])),
	};
}
