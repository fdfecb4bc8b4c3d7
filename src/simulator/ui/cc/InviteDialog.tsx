import { createSignal } from "solid-js";
import type { RoleId } from "../../model/roles.ts";
import { Field } from "../primitives/Field.tsx";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormDialog } from "./FormDialog.tsx";
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
	const [firstName, setFirstName] = createSignal("");
	const [lastName, setLastName] = createSignal("");
	const [email, setEmail] = createSignal("");
	const [roles, setRoles] = createSignal<RoleId[]>([]);
	const form = createActionForm(sim);

	const close = () => {
		setFirstName("");
		setLastName("");
		setEmail("");
		setRoles([]);
		form.setErrors({});
		props.onClose();
	};
	const submit = () => {
		const ok = form.submit({
			type: props.kind === "guest" ? "invite-guest-user" : "add-user",
			firstName: firstName(),
			lastName: lastName(),
			email: email(),
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
				<Field
					label={sim.t("fields.firstName")}
					value={firstName()}
					onInput={setFirstName}
					error={form.errors().firstName}
					required
				/>
				<Field
					label={sim.t("fields.lastName")}
					value={lastName()}
					onInput={setLastName}
					error={form.errors().lastName}
					required
				/>
				<Field
					label={sim.t("fields.email")}
					type="email"
					value={email()}
					onInput={setEmail}
					error={form.errors().email}
					required
				/>
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
