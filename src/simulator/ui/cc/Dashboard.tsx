import { useSim } from "../context.tsx";

/** The landing page of Control Center: what the account holds at a glance. */
export function Dashboard() {
	const sim = useSim();
	const s = () => sim.state();
	const items = () => [
		{ label: sim.t("ui.documents.title"), value: s().labels.length },
		{ label: sim.t("ui.integrations.automation"), value: s().configurations.length },
		{ label: sim.t("ui.integrations.data"), value: s().integrations.length },
		{ label: sim.t("ui.nav.users"), value: s().users.length },
	];
	return (
		<section aria-labelledby="st-dashboard-title">
			<h3 id="st-dashboard-title">{sim.t("ui.nav.dashboard")}</h3>
			<dl class="st-stats">
				{items().map((item) => (
					<div>
						<dt>{item.label}</dt>
						<dd>{item.value}</dd>
					</div>
				))}
			</dl>
		</section>
	);
}
