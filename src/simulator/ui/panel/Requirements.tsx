import { For, Show, type JSX } from "solid-js";
import {
	requirementTable,
	type RequirementCell,
	type RequirementSection,
} from "../../scenarios/requirements-table.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { useSim } from "../context.tsx";

/** One cell's values: names to type exactly are set in monospace and marked as German text. */
function Values(props: { cell: RequirementCell }) {
	const value = (v: string): JSX.Element =>
		props.cell.verbatim ? (
			<code class="st-verbatim" lang="de">
				{v}
			</code>
		) : (
			v
		);
	return (
		<Show when={props.cell.values.length > 1} fallback={value(props.cell.values[0] ?? "")}>
			<ul class="st-requirements__values">
				<For each={props.cell.values}>{(v) => <li>{value(v)}</li>}</For>
			</ul>
		</Show>
	);
}

/**
 * One section. It sits in the narrow column beside the Control Center, so each item is a small
 * block (its name, then its properties as a description list) rather than a wide table. Every cell
 * carries `data-cell`, in column order, for the browser test that reads the table as printed.
 */
function Section(props: { section: RequirementSection }) {
	const s = props.section;
	return (
		<div class="st-requirements__section" data-requirements={s.id}>
			<h5>{s.title}</h5>
			<Show
				when={s.columns.length > 2}
				fallback={
					<dl class="st-requirements__pairs">
						<For each={s.rows}>
							{(row) => (
								<div data-row>
									<Show
										when={row.length > 1}
										fallback={
											<dd data-cell>
												<Values cell={row[0] ?? { values: [] }} />
											</dd>
										}
									>
										<dt data-cell>
											<Values cell={row[0] ?? { values: [] }} />
										</dt>
										<dd data-cell>
											<Values cell={row[1] ?? { values: [] }} />
										</dd>
									</Show>
								</div>
							)}
						</For>
					</dl>
				}
			>
				{/* Rows of cells like Control Center's DataTable, but as a list: a requirement is read as a
				    line of values, not compared across columns. */}
				<ul class="st-requirements__items">
					<For each={s.rows}>
						{(row) => (
							<li data-row>
								<strong data-cell>
									<Values cell={row[0] ?? { values: [] }} />
								</strong>
								<dl>
									<For each={row.slice(1)}>
										{(cell, i) => (
											<div>
												<dt>{s.columns[i() + 1]}</dt>
												<dd data-cell>
													<Values cell={cell} />
												</dd>
											</div>
										)}
									</For>
								</dl>
							</li>
						)}
					</For>
				</ul>
			</Show>
		</div>
	);
}

/** The requirements under the brief: everything the grader checks, from the scenario data. */
export function Requirements(props: { scenario: Scenario }) {
	const sim = useSim();
	const sections = () => requirementTable(props.scenario, sim.t);
	return (
		<section class="st-requirements" aria-labelledby="st-requirements-title">
			<h4 id="st-requirements-title">{sim.t("ui.requirements.title")}</h4>
			<p class="st-field__hint">{sim.t("ui.requirements.intro")}</p>
			<For each={sections()}>
				{(section) => (
					<>
						<Section section={section} />
						<Show when={section.id === "handover"}>
							<p class="st-field__hint">{sim.t("ui.requirements.othersNote")}</p>
						</Show>
						<Show when={section.id === "recipients"}>
							<p class="st-field__hint">{sim.t("ui.requirements.recipientsNote")}</p>
						</Show>
					</>
				)}
			</For>
		</section>
	);
}
