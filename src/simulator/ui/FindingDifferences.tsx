import { For, Show } from "solid-js";
import { differenceRows } from "../grading/explain.ts";
import type { Finding } from "../grading/finding.ts";
import { useSim } from "./context.tsx";

/** What was required against what the account holds, for a finding about an item that differs. */
/* The trainer pages render the same table on the server (FindingsList.astro); both read
   `differenceRows`, so only the markup repeats. */
export function FindingDifferences(props: { finding: Finding }) {
	const sim = useSim();
	return (
		<Show when={(props.finding.differences?.length ?? 0) > 0}>
			<table class="st-diff">
				<caption class="sr-only">
					{sim.t("grading.difference.caption", { name: props.finding.params["name"] ?? "" })}
				</caption>
				<thead>
					<tr>
						<th scope="col">{sim.t("grading.difference.aspect")}</th>
						<th scope="col">{sim.t("grading.difference.expected")}</th>
						<th scope="col">{sim.t("grading.difference.actual")}</th>
					</tr>
				</thead>
				<tbody>
					<For each={differenceRows(sim.t, props.finding)}>
						{(row) => (
							<tr>
								<th scope="row">{row.aspect}</th>
								<td>{row.expected}</td>
								<td>{row.actual}</td>
							</tr>
						)}
					</For>
				</tbody>
			</table>
		</Show>
	);
}
