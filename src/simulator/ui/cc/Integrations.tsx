import { createSignal } from "solid-js";
import type { Configuration, Integration } from "../../model/state.ts";
import { integrationKinds, triggers } from "../../model/vocabulary.ts";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormError } from "./FormError.tsx";
import { EditorSlot, type EditTarget } from "./EditorSlot.tsx";
import { FormDialog } from "./FormDialog.tsx";
import { FormField } from "./FormField.tsx";
import { FormSelect } from "./FormSelect.tsx";
import { ItemList } from "./ItemList.tsx";
import { ItemButton } from "./RowActions.tsx";

/** Integrations: Automation configurations (with Start/Stop) and the data integrations feeding them. */
export function Integrations() {
	const sim = useSim();
	const [configuration, setConfiguration] = createSignal<EditTarget<Configuration>>(null);
	const [integration, setIntegration] = createSignal<EditTarget<Integration>>(null);
	const form = createActionForm(sim);
	const labelName = (id: string) => sim.state().labels.find((l) => l.id === id)?.name ?? "";
	const configurationName = (id: string | null) =>
		sim.state().configurations.find((c) => c.id === id)?.name ?? sim.t("ui.integrations.none");

	return (
		<section ref={form.ref} aria-labelledby="st-integrations-title">
			<h3 id="st-integrations-title">{sim.t("ui.nav.integrations")}</h3>
			<FormError message={form.errors().form} />
			{/* Two lists of the same kind, configurations and data integrations, each with its own texts,
			    actions and details: the shared part is ItemList itself. */}
			<ItemList
				title={sim.t("ui.integrations.automation")}
				note={sim.t("ui.integrations.automationNote")}
				createLabel={sim.t("ui.integrations.createConfiguration")}
				empty={sim.t("ui.integrations.noConfigurations")}
				items={sim.state().configurations}
				onCreate={() => setConfiguration("new")}
				onEdit={setConfiguration}
				onDelete={(c) => form.submit({ type: "delete-configuration", configurationId: c.id })}
				details={(c) => (
					<>
						{sim.t(`triggers.${c.trigger}`)} · {sim.t("fields.labelId")}: {labelName(c.labelId)} ·{" "}
						<span class="st-badge">{sim.t(`configurationStatus.${c.status}`)}</span>
					</>
				)}
				actions={(c) => {
					const started = c.status === "started";
					return (
						<ItemButton
							label={sim.t(started ? "ui.integrations.stop" : "ui.integrations.start")}
							name={sim.t(started ? "ui.integrations.stopNamed" : "ui.integrations.startNamed", {
								name: c.name,
							})}
							onClick={() =>
								form.submit({
									type: started ? "stop-configuration" : "start-configuration",
									configurationId: c.id,
								})
							}
						/>
					);
				}}
			/>
			<ItemList
				title={sim.t("ui.integrations.data")}
				note={sim.t("ui.integrations.dataNote")}
				createLabel={sim.t("ui.integrations.createIntegration")}
				empty={sim.t("ui.integrations.noIntegrations")}
				items={sim.state().integrations}
				onCreate={() => setIntegration("new")}
				onEdit={setIntegration}
				onDelete={(i) => form.submit({ type: "delete-integration", integrationId: i.id })}
				details={(i) => (
					<>
						{sim.t(`integrationKinds.${i.kind}`)} → {configurationName(i.configurationId)}
					</>
				)}
			/>
			<EditorSlot target={configuration()}>
				{(c) => <ConfigurationDialog configuration={c} onClose={() => setConfiguration(null)} />}
			</EditorSlot>
			<EditorSlot target={integration()}>
				{(i) => <IntegrationDialog integration={i} onClose={() => setIntegration(null)} />}
			</EditorSlot>
		</section>
	);
}

// Like the label dialog (Documents.tsx): one form for create and edit.
function ConfigurationDialog(props: {
	configuration: Configuration | undefined;
	onClose: () => void;
}) {
	const sim = useSim();
	const c = props.configuration;
	const form = createActionForm(sim, {
		name: c?.name ?? "",
		trigger: c?.trigger ?? "cloud-trigger",
		labelId: c?.labelId ?? sim.state().labels[0]?.id ?? "",
	});
	const save = () => {
		const typed = form.values();
		const values = { ...typed, trigger: typed.trigger as Configuration["trigger"] };
		const ok = c
			? form.submit({ type: "edit-configuration", configurationId: c.id, ...values })
			: form.submit({ type: "create-configuration", ...values });
		if (ok) props.onClose();
	};
	return (
		<FormDialog
			title={
				c
					? sim.t("ui.integrations.editConfiguration")
					: sim.t("ui.integrations.createConfiguration")
			}
			onClose={props.onClose}
			onSubmit={save}
			form={form}
		>
			<FormField form={form} name="name" required />
			<FormSelect
				form={form}
				name="trigger"
				options={triggers.map((id) => ({ value: id, label: sim.t(`triggers.${id}`) }))}
			/>
			<FormSelect
				form={form}
				name="labelId"
				options={sim.state().labels.map((l) => ({ value: l.id, label: l.name }))}
				placeholder={sim.t("ui.integrations.noLabels")}
			/>
		</FormDialog>
	);
}

function IntegrationDialog(props: { integration: Integration | undefined; onClose: () => void }) {
	const sim = useSim();
	const i = props.integration;
	const form = createActionForm(sim, {
		name: i?.name ?? "",
		kind: i?.kind ?? "database",
		configurationId: i?.configurationId ?? "",
	});
	const save = () => {
		const typed = form.values();
		const values = {
			name: typed.name,
			kind: typed.kind as Integration["kind"],
			configurationId: typed.configurationId === "" ? null : typed.configurationId,
		};
		const ok = i
			? form.submit({ type: "edit-integration", integrationId: i.id, ...values })
			: form.submit({ type: "create-integration", ...values });
		if (ok) props.onClose();
	};
	return (
		<FormDialog
			title={
				i ? sim.t("ui.integrations.editIntegration") : sim.t("ui.integrations.createIntegration")
			}
			onClose={props.onClose}
			onSubmit={save}
			form={form}
		>
			<FormField form={form} name="name" required />
			<FormSelect
				form={form}
				name="kind"
				options={integrationKinds.map((id) => ({
					value: id,
					label: sim.t(`integrationKinds.${id}`),
				}))}
			/>
			<FormSelect
				form={form}
				name="configurationId"
				options={[
					{ value: "", label: sim.t("ui.integrations.none") },
					...sim.state().configurations.map((c) => ({ value: c.id, label: c.name })),
				]}
			/>
		</FormDialog>
	);
}
