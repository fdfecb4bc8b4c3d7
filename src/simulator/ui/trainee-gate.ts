import type { AttemptTrainee } from "../attempt/schema.ts";
import type { TraineeCheck } from "./TraineeFields.tsx";

/**
 * Start for a form whose name fields load on demand (`TraineeFields.tsx`). Start pressed before the
 * fields' code has arrived is remembered and carried out once they are ready, instead of being a
 * dead click; the fields then flag a missing name as they would have at once.
 */
export function traineeGate(onTrainee: (trainee: AttemptTrainee) => void) {
	let check: TraineeCheck | undefined;
	let pending = false;
	const run = (c: TraineeCheck) => {
		const trainee = c();
		if (trainee) onTrainee(trainee);
	};
	return {
		/** Passed to `TraineeFields` as its `ready`. */
		ready(c: TraineeCheck) {
			check = c;
			if (pending) {
				pending = false;
				run(c);
			}
		},
		/** Start was pressed. */
		submit() {
			if (check) run(check);
			else pending = true;
		},
	};
}
