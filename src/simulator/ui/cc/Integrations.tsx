import { Show, createSignal } from "solid-js";
import type { Configuration, Integration } from "../../model/state.ts";
import { integrationKinds, triggers } from "../../model/vocabulary.ts";
import { Field } from "../primitives/Field.tsx";
import { Select } from "../primitives/Select.tsx";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormError } from "./FormError.tsx";
import { FormDialog } from "./FormDialog.tsx";
import { ItemList } from "./ItemList.tsx";
import { ItemButton, RowActions } from "./RowActions.tsx";

/** Integrations: Automation configurations (with Start/Stop) and the data integrations feeding them. */
export function Integrations() {
	const sim = useSim();
	const [configuration, setConfiguration] = createSignal<Configuration | "new" | null>(null);
	const [integration, setIntegration] = createSignal<Integration | "new" | null>(null);
	const form = createActionForm(sim);
	const labelName = (id: string) => sim.state().labels.find((l) => l.id === id)?.name ?? "";
	const configurationName = (id: string | null) =>
		sim.state().configurations.find((c) => c.id === id)?.name ?? sim.t("ui.integrations.none");

	return (
		<section ref={form.ref} aria-labelledby="st-integrations-title">
			<h3 id="st-integrations-title">{sim.t("ui.nav.integrations")}</h3>
			<FormError message={form.errors().form} />
			<ItemList
				title={sim.t("ui.integrations.automation")}
				createLabel={sim.t("ui.integrations.createConfiguration")}
				onCreate={() => setConfiguration("new")}
				empty={sim.t("ui.integrations.noConfigurations")}
				items={sim.state().configurations}
			>
				{(c) => (
					<>
						<h5>{c.name}</h5>
						<p>
							{sim.t(`triggers.${c.trigger}`)} · {sim.t("fields.labelId")}: {labelName(c.labelId)} ·{" "}
							<span class="st-badge">{sim.t(`configurationStatus.${c.status}`)}</span>
						</p>
						<RowActions
							name={c.name}
							onEdit={() => setConfiguration(c)}
							onDelete={() => form.submit({ type: "delete-configuration", configurationId: c.id })}
						>
							<Show
								when={c.status === "started"}
								fallback={
									<ItemButton
										label={sim.t("ui.integrations.start")}
										name={sim.t("ui.integrations.startNamed", { name: c.name })}
										onClick={() =>
											form.submit({ type: "start-configuration", configurationId: c.id })
										}
									/>
								}
							>
								<ItemButton
									label={sim.t("ui.integrations.stop")}
									name={sim.t("ui.integrations.stopNamed", { name: c.name })}
									onClick={() => form.submit({ type: "stop-configuration", configurationId: c.id })}
								/>
							</Show>
						</RowActions>
					</>
				)}
			</ItemList>
			<ItemList
				title={sim.t("ui.integrations.data")}
				createLabel={sim.t("ui.integrations.createIntegration")}
				onCreate={() => setIntegration("new")}
				empty={sim.t("ui.integrations.noIntegrations")}
				items={sim.state().integrations}
			>
				{(i) => (
					<>
						<h5>{i.name}</h5>
						<p>
							{sim.t(`integrationKinds.${i.kind}`)} → {configurationName(i.configurationId)}
						</p>
						<RowActions
							name={i.name}
							onEdit={() => setIntegration(i)}
							onDelete={() => form.submit({ type: "delete-integration", integrationId: i.id })}
						/>
					</>
				)}
			</ItemList>
			<Show when={configuration()}>
				{(target) => (
					<ConfigurationDialog
						configuration={target() === "new" ? undefined : (target() as Configuration)}
						onClose={() => setConfiguration(null)}
					/>
				)}
			</Show>
			<Show when={integration()}>
				{(target) => (
					<IntegrationDialog
						integration={target() === "new" ? undefined : (target() as Integration)}
						onClose={() => setIntegration(null)}
					/>
				)}
			</Show>
		</section>
	);
}

function ConfigurationDialog(props: {
	configuration?: Configuration | undefined;
	onClose: () => void;
}) {
	const sim = useSim();
	const c = props.configuration;
	const [name, setName] = createSignal(c?.name ?? "");
	const [trigger, setTrigger] = createSignal<string>(c?.trigger ?? "cloud-trigger");
	const [labelId, setLabelId] = createSignal(c?.labelId ?? sim.state().labels[0]?.id ?? "");
	const form = createActionForm(sim);
	const save = () => {
		const values = {
			name: name(),
			trigger: trigger() as Configuration["trigger"],
			labelId: labelId(),
		};
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
			<Field
				label={sim.t("fields.name")}
				value={name()}
				onInput={setName}
				error={form.errors().name}
				required
			/>
			<Select
				label={sim.t("fields.trigger")}
				value={trigger()}
				onChange={setTrigger}
				options={triggers.map((id) => ({ value: id, label: sim.t(`triggers.${id}`) }))}
				error={form.errors().trigger}
			/>
			<Select
				label={sim.t("fields.labelId")}
				value={labelId()}
				onChange={setLabelId}
				options={sim.state().labels.map((l) => ({ value: l.id, label: l.name }))}
				placeholder={sim.t("ui.integrations.noLabels")}
				error={form.errors().labelId}
			/>
		</FormDialog>
	);
}

function IntegrationDialog(props: { integration?: Integration | undefined; onClose: () => void }) {
	const sim = useSim();
	const i = props.integration;
	const [name, setName] = createSignal(i?.name ?? "");
	const [kind, setKind] = createSignal<string>(i?.kind ?? "database");
	const [configurationId, setConfigurationId] = createSignal(i?.configurationId ?? "");
	const form = createActionForm(sim);
	const save = () => {
		const values = {
			name: name(),
			kind: kind() as Integration["kind"],
			configurationId: configurationId() === "" ? null : configurationId(),
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
			<Field
				label={sim.t("fields.name")}
				value={name()}
				onInput={setName}
				error={form.errors().name}
				required
			/>
			<Select
				label={sim.t("fields.kind")}
				value={kind()}
				onChange={setKind}
				options={integrationKinds.map((id) => ({
					value: id,
					label: sim.t(`integrationKinds.${id}`),
				}))}
				error={form.errors().kind}
			/>
			<Select
				label={sim.t("fields.configurationId")}
				value={configurationId()}
				onChange={setConfigurationId}
				options={[
					{ value: "", label: sim.t("ui.integrations.none") },
					...sim.state().configurations.map((c) => ({ value: c.id, label: c.name })),
				]}
				error={form.errors().configurationId}
			/>
		</FormDialog>
	);
}
