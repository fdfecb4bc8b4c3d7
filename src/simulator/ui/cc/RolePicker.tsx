import { For, createUniqueId } from "solid-js";
import { FieldError } from "../primitives/FieldError.tsx";
import { roleIds, type RoleId } from "../../model/roles.ts";
import { useSim } from "../context.tsx";

interface RolePickerProps {
	legend: string;
	selected: readonly RoleId[];
	onChange: (roles: RoleId[]) => void;
	error?: string | undefined;
}

/** The access roles as a group of checkboxes: add a role by ticking it, remove it by unticking. */
export function RolePicker(props: RolePickerProps) {
	const sim = useSim();
	const errorId = createUniqueId();
	const toggle = (role: RoleId, on: boolean) => {
		const next = on ? [...props.selected, role] : props.selected.filter((r) => r !== role);
		props.onChange(roleIds.filter((r) => next.includes(r)));
	};
	return (
		<fieldset
			class="st-roles"
			aria-invalid={props.error ? "true" : undefined}
			aria-describedby={props.error ? errorId : undefined}
			tabindex={props.error ? -1 : undefined}
		>
			<legend>{props.legend}</legend>
			<ul>
				<For each={roleIds}>
					{(role) => (
						<li>
							<label>
								<input
									type="checkbox"
									checked={props.selected.includes(role)}
									onChange={(e) => toggle(role, e.currentTarget.checked)}
								/>{" "}
								{sim.t(`roles.${role}.name`)}
							</label>
						</li>
					)}
				</For>
			</ul>
			<FieldError id={errorId} message={props.error} />
		</fieldset>
	);
}
