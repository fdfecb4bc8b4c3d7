// The namespaces the simulator shows, as named JSON imports so the bundler leaves out the rest
// (the trainer pages' and the rubric's texts) from the browser's JavaScript.
export {
	actions,
	configurationStatus,
	fields,
	findings,
	grading,
	integrationKinds,
	mail,
	refusals,
	roles,
	scenarios,
	severity,
	steps,
	triggers,
	ui,
	userKinds,
	userStatus,
} from "./en.json";
