import { For, Show } from "solid-js";
import { requirementTable, type RequirementCell } from "../../scenarios/requirements-table.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { useSim } from "../context.tsx";

/** One cell: names to type exactly are set in monospace and marked as German text. */
function Cell(props: { cell: RequirementCell }) {
	const value = (v: string) =>
		props.cell.verbatim ? (
			<code class="st-verbatim" lang="de">
				{v}
			</code>
		) : (
			v
		);
	return (
		<Show when={props.cell.values.length > 1} fallback={value(props.cell.values[0] ?? "")}>
			<ul class="st-requirements__list">
				<For each={props.cell.values}>{(v) => <li>{value(v)}</li>}</For>
			</ul>
		</Show>
	);
}

/** The requirements table under the brief: everything the grader checks, from the scenario data. */
export function Requirements(props: { scenario: Scenario }) {
	const sim = useSim();
	const sections = () => requirementTable(props.scenario, sim.t);
	return (
		<section class="st-requirements" aria-labelledby="st-requirements-title">
			<h4 id="st-requirements-title">{sim.t("ui.requirements.title")}</h4>
			<p class="st-field__hint">{sim.t("ui.requirements.intro")}</p>
			<For each={sections()}>
				{(section) => (
					<div
						class="st-requirements__scroll"
						role="region"
						aria-label={section.title}
						tabindex="0"
						data-requirements={section.id}
					>
						<table>
							<caption>{section.title}</caption>
							<thead>
								<tr>
									<For each={section.columns}>{(c) => <th scope="col">{c}</th>}</For>
								</tr>
							</thead>
							<tbody>
								<For each={section.rows}>
									{(row) => (
										<tr>
											<For each={row}>
												{(cell) => (
													<td>
														<Cell cell={cell} />
													</td>
												)}
											</For>
										</tr>
									)}
								</For>
							</tbody>
						</table>
						<Show when={section.id === "handover"}>
							<p class="st-field__hint">{sim.t("ui.requirements.othersNote")}</p>
						</Show>
						<Show when={section.id === "recipients"}>
							<p class="st-field__hint">{sim.t("ui.requirements.recipientsNote")}</p>
						</Show>
					</div>
				)}
			</For>
		</section>
	);
}
