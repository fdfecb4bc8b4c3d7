import { For, Show, createSignal } from "solid-js";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormDialog } from "./FormDialog.tsx";
import { FormField } from "./FormField.tsx";

/** Administration > Account Information, with the Loftware Cloud Notifications section. */
export function AccountInformation() {
	const sim = useSim();
	const [open, setOpen] = createSignal(false);
	const account = () => sim.state().account;
	return (
		<section aria-labelledby="st-account-title">
			<h3 id="st-account-title">{sim.t("ui.nav.accountInformation")}</h3>
			<dl class="st-facts">
				<dt>{sim.t("fields.accountName")}</dt>
				<dd>{account()?.name}</dd>
				<dt>{sim.t("fields.contactEmail")}</dt>
				<dd>{account()?.contactEmail}</dd>
			</dl>
			<section class="st-card" aria-labelledby="st-notifications-title">
				<h4 id="st-notifications-title">{sim.t("ui.account.notifications")}</h4>
				<p>{sim.t("ui.account.notificationsIntro")}</p>
				<Show
					when={sim.state().notificationRecipients.length > 0}
					fallback={<p>{sim.t("ui.account.noRecipients")}</p>}
				>
					<ul>
						<For each={sim.state().notificationRecipients}>{(address) => <li>{address}</li>}</For>
					</ul>
				</Show>
				<button type="button" class="st-button" onClick={() => setOpen(true)}>
					{sim.t("ui.account.editRecipients")}
				</button>
			</section>
			<Show when={open()}>
				<RecipientsDialog onClose={() => setOpen(false)} />
			</Show>
		</section>
	);
}

/** The "Loftware Cloud notification recipients" window: one address per line, Save or Cancel. */
function RecipientsDialog(props: { onClose: () => void }) {
	const sim = useSim();
	const form = createActionForm(sim, { text: sim.state().notificationRecipients.join("\n") });
	const save = () => {
		if (form.submit({ type: "set-notification-recipients", ...form.values() })) props.onClose();
	};
	return (
		<FormDialog
			title={sim.t("ui.account.recipientsWindow")}
			onClose={props.onClose}
			onSubmit={save}
			form={form}
		>
			<FormField
				form={form}
				name="text"
				label={sim.t("ui.account.recipientsLabel")}
				hint={sim.t("ui.account.recipientsHint")}
				multiline
				rows={6}
			/>
		</FormDialog>
	);
}
