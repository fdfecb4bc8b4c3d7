import { For, Show, createSignal } from "solid-js";
import type { Label } from "../../model/state.ts";
import { Field } from "../primitives/Field.tsx";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormError } from "./FormError.tsx";
import { FormDialog } from "./FormDialog.tsx";
import { RowActions } from "./RowActions.tsx";
import { TableHead } from "./TableHead.tsx";

/** Documents: the label templates, created, edited and deleted here. */
export function Documents() {
	const sim = useSim();
	const [editing, setEditing] = createSignal<Label | "new" | null>(null);
	const form = createActionForm(sim);
	return (
		<section ref={form.ref} aria-labelledby="st-documents-title">
			<h3 id="st-documents-title">{sim.t("ui.documents.title")}</h3>
			<div class="st-toolbar">
				<button
					type="button"
					class="st-button st-button--primary"
					onClick={() => setEditing("new")}
				>
					{sim.t("ui.documents.create")}
				</button>
			</div>
			<FormError message={form.errors().form} />
			<Show when={sim.state().labels.length > 0} fallback={<p>{sim.t("ui.documents.empty")}</p>}>
				<div class="st-table-wrap" tabindex="0" aria-labelledby="st-documents-title">
					<table class="st-table" role="table">
						<TableHead
							columns={[
								sim.t("fields.name"),
								sim.t("ui.documents.size"),
								sim.t("fields.printer"),
								sim.t("fields.fields"),
								sim.t("ui.common.actions"),
							]}
						/>
						<tbody role="rowgroup">
							<For each={sim.state().labels}>
								{(label) => (
									<tr role="row">
										<td role="cell" data-label={sim.t("fields.name")}>
											{label.name}
										</td>
										<td role="cell" data-label={sim.t("ui.documents.size")}>
											{label.widthMm} × {label.heightMm} mm
										</td>
										<td role="cell" data-label={sim.t("fields.printer")}>
											{label.printer}
										</td>
										<td role="cell" data-label={sim.t("fields.fields")}>
											{label.fields.join(", ")}
										</td>
										<td role="cell" data-label={sim.t("ui.common.actions")}>
											<RowActions
												name={label.name}
												onEdit={() => setEditing(label)}
												onDelete={() => form.submit({ type: "delete-label", labelId: label.id })}
											/>
										</td>
									</tr>
								)}
							</For>
						</tbody>
					</table>
				</div>
			</Show>
			<Show when={editing()}>
				{(target) => (
					<LabelDialog
						label={target() === "new" ? undefined : (target() as Label)}
						onClose={() => setEditing(null)}
					/>
				)}
			</Show>
		</section>
	);
}

function LabelDialog(props: { label?: Label | undefined; onClose: () => void }) {
	const sim = useSim();
	const l = props.label;
	const [name, setName] = createSignal(l?.name ?? "");
	const [width, setWidth] = createSignal(l ? String(l.widthMm) : "");
	const [height, setHeight] = createSignal(l ? String(l.heightMm) : "");
	const [printer, setPrinter] = createSignal(l?.printer ?? "");
	const [fields, setFields] = createSignal(l?.fields.join("\n") ?? "");
	const form = createActionForm(sim);
	// An empty or non-numeric size reaches the model as 0 and is refused as out of range (NaN
	// would not survive the attempt file's JSON).
	const mm = (value: string) => {
		const n = Number(value.trim().replace(",", "."));
		return value.trim() !== "" && Number.isFinite(n) ? n : 0;
	};
	const save = () => {
		const values = {
			name: name(),
			widthMm: mm(width()),
			heightMm: mm(height()),
			printer: printer(),
			fields: fields()
				.split("\n")
				.map((f) => f.trim())
				.filter((f) => f !== ""),
		};
		const ok = l
			? form.submit({ type: "edit-label", labelId: l.id, ...values })
			: form.submit({ type: "create-label", ...values });
		if (ok) props.onClose();
	};
	return (
		<FormDialog
			title={l ? sim.t("ui.documents.edit") : sim.t("ui.documents.create")}
			onClose={props.onClose}
			onSubmit={save}
			form={form}
		>
			<Field
				label={sim.t("fields.name")}
				value={name()}
				onInput={setName}
				error={form.errors().name}
				required
			/>
			<div class="st-row">
				<Field
					label={sim.t("fields.widthMm")}
					value={width()}
					onInput={setWidth}
					error={form.errors().widthMm}
					required
				/>
				<Field
					label={sim.t("fields.heightMm")}
					value={height()}
					onInput={setHeight}
					error={form.errors().heightMm}
					required
				/>
			</div>
			<Field
				label={sim.t("fields.printer")}
				value={printer()}
				onInput={setPrinter}
				error={form.errors().printer}
				required
			/>
			<Field
				label={sim.t("fields.fields")}
				hint={sim.t("ui.documents.fieldsHint")}
				multiline
				rows={4}
				value={fields()}
				onInput={setFields}
				error={form.errors().fields}
			/>
		</FormDialog>
	);
}
