// The namespaces the simulator shows, as named JSON imports so the bundler leaves out the rest
// (the trainer pages' and the rubric's texts) from the browser's JavaScript. The other language's
// file repeats this list on purpose: each page loads one language only, and a unit test keeps the
// two lists the same.
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
