import { Show, createSignal } from "solid-js";
import type { Label } from "../../model/state.ts";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { DataTable } from "./DataTable.tsx";
import { EditorSlot, type EditTarget } from "./EditorSlot.tsx";
import { FormError } from "./FormError.tsx";
import { FormDialog } from "./FormDialog.tsx";
import { FormField } from "./FormField.tsx";
import { RowActions } from "./RowActions.tsx";

/** Documents: the label templates, created, edited and deleted here. */
export function Documents() {
	const sim = useSim();
	const [editing, setEditing] = createSignal<EditTarget<Label>>(null);
	const form = createActionForm(sim);
	return (
		<section ref={form.ref} aria-labelledby="st-documents-title">
			<h3 id="st-documents-title">{sim.t("ui.documents.title")}</h3>
			{/* The page head reads like Users' and the dialog like the other list dialogs: the same Control
			    Center layout; the shared parts are FormDialog, FormField and DataTable. */}
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
				<DataTable
					labelledBy="st-documents-title"
					items={sim.state().labels}
					columns={[
						{ header: sim.t("fields.name"), cell: (label) => label.name },
						{
							header: sim.t("ui.documents.size"),
							cell: (label) => `${label.widthMm} × ${label.heightMm} mm`,
						},
						{ header: sim.t("fields.printer"), cell: (label) => label.printer },
						{ header: sim.t("fields.fields"), cell: (label) => label.fields.join(", ") },
						{
							header: sim.t("ui.common.actions"),
							cell: (label) => (
								<RowActions
									name={label.name}
									onEdit={() => setEditing(label)}
									onDelete={() => form.submit({ type: "delete-label", labelId: label.id })}
								/>
							),
						},
					]}
				/>
			</Show>
			<EditorSlot target={editing()}>
				{(label) => <LabelDialog label={label} onClose={() => setEditing(null)} />}
			</EditorSlot>
		</section>
	);
}

// Like the configuration and integration dialogs: one form for create and edit, whose save
// sends the edit action for an existing item and the create action otherwise.
function LabelDialog(props: { label: Label | undefined; onClose: () => void }) {
	const sim = useSim();
	const l = props.label;
	const form = createActionForm(sim, {
		name: l?.name ?? "",
		widthMm: l ? String(l.widthMm) : "",
		heightMm: l ? String(l.heightMm) : "",
		printer: l?.printer ?? "",
		fields: l?.fields.join("\n") ?? "",
	});
	// An empty or non-numeric size reaches the model as 0 and is refused as out of range (NaN
	// would not survive the attempt file's JSON).
	const mm = (value: string) => {
		const n = Number(value.trim().replace(",", "."));
		return value.trim() !== "" && Number.isFinite(n) ? n : 0;
	};
	const save = () => {
		const typed = form.values();
		const values = {
			name: typed.name,
			widthMm: mm(typed.widthMm),
			heightMm: mm(typed.heightMm),
			printer: typed.printer,
			fields: typed.fields
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
			<FormField form={form} name="name" required />
			<div class="st-row">
				<FormField form={form} name="widthMm" required />
				<FormField form={form} name="heightMm" required />
			</div>
			<FormField form={form} name="printer" required />
			<FormField
				form={form}
				name="fields"
				hint={sim.t("ui.documents.fieldsHint")}
				multiline
				rows={4}
			/>
		</FormDialog>
	);
}
