import type { Action } from "../model/actions.ts";
import type { ApplyResult } from "../model/result.ts";
import type { State } from "../model/state.ts";
import { actionSteps } from "../process/action-steps.ts";
import type { LeafStepId, StepId } from "../process/steps.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { endStateFindings } from "./end-state.ts";
import type { Finding } from "./finding.ts";

/**
 * Steps one action completes. After such an action every remaining finding about the step is news
 * to the trainee (they saved the recipients and their own address is still there); for other steps
 * only a finding the action brought about is, since an unfinished step is not yet a mistake.
 */
const completedByOneAction: ReadonlySet<StepId> = new Set<LeafStepId>([
	"order-account",
	"step-down-to-service-provider",
	"edit-notification-recipients",
]);

/** A finding as the trainee would see it: the same id with other differences is a new finding. */
function seen(f: Finding): string {
	return f.differences === undefined ? f.id : `${f.id} ${JSON.stringify(f.differences)}`;
}

/**
 * What the coach reports after an action: every history finding it caused, and every end-state
 * finding about the steps the action worked on that it caused, so ordering with the customer's
 * address is pointed out at once and not only in the results.
 */
export function actionFeedback(
	s: Scenario,
	before: State,
	action: Action,
	result: ApplyResult,
	history: readonly Finding[],
): Finding[] {
	if (!result.ok) return [...history];
	const steps = new Set<StepId>(actionSteps(s, before, action));
	const earlier = new Set(endStateFindings(s, before).map(seen));
	const caused = endStateFindings(s, result.state).filter(
		(f) =>
			f.step !== null &&
			steps.has(f.step) &&
			(completedByOneAction.has(f.step) || !earlier.has(seen(f))),
	);
	return [...history, ...caused];
}
