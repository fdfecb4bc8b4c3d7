declare namespace App {
	interface Locals {
		/** Set by the middleware for every page under `/<lang>/trainer/` (see `openTrainerPage`). */
		trainer?: import("./server/trainer/page.ts").TrainerPage;
	}
}
