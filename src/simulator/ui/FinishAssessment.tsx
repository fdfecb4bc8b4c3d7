import { useSim } from "./context.tsx";
import { ConfirmButton } from "./primitives/ConfirmButton.tsx";

/** Finish for an assessment: it cannot be taken back, so it asks first. */
export function FinishAssessment() {
	const sim = useSim();
	return (
		<ConfirmButton
			primary
			label={sim.t("ui.sim.finish")}
			title={sim.t("ui.confirm.finishTitle")}
			text={sim.t("ui.confirm.finishText")}
			confirmLabel={sim.t("ui.confirm.finish")}
			onConfirm={() => sim.session.finish()}
		/>
	);
}
