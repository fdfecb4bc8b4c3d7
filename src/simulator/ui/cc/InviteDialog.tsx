import { createSignal } from "solid-js";
import type { RoleId } from "../../model/roles.ts";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormDialog } from "./FormDialog.tsx";
import { FormField } from "./FormField.tsx";
import { RolePicker } from "./RolePicker.tsx";

/**
 * "Invite guest user": Settings (the customer information) and Access Roles, then Invite. The same
 * dialog adds an organizational user from the customer's directory when `kind` says so.
 */
export function InviteDialog(props: {
	open: boolean;
	kind: "guest" | "organizational";
	onClose: () => void;
}) {
	const sim = useSim();
	const [roles, setRoles] = createSignal<RoleId[]>([]);
	const form = createActionForm(sim, { firstName: "", lastName: "", email: "" });

	// The dialog stays mounted between invitations, so closing empties it for the next one.
	const close = () => {
		form.reset();
		setRoles([]);
		props.onClose();
	};
	const submit = () => {
		const ok = form.submit({
			type: props.kind === "guest" ? "invite-guest-user" : "add-user",
			...form.values(),
			roles: roles(),
		});
		if (ok) close();
	};
	const guest = () => props.kind === "guest";

	return (
		<FormDialog
			title={guest() ? sim.t("ui.users.invite") : sim.t("ui.users.addOrganizational")}
			open={props.open}
			onClose={close}
			onSubmit={submit}
			submitLabel={guest() ? sim.t("ui.users.inviteButton") : sim.t("ui.common.add")}
			form={form}
		>
			<fieldset class="st-group">
				<legend>{sim.t("ui.users.settings")}</legend>
				<FormField form={form} name="firstName" required />
				<FormField form={form} name="lastName" required />
				<FormField form={form} name="email" type="email" required />
			</fieldset>
			<RolePicker
				legend={sim.t("ui.users.accessRoles")}
				selected={roles()}
				onChange={setRoles}
				error={form.errors().roles}
			/>
		</FormDialog>
	);
}
