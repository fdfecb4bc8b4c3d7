import { Show, createEffect, createMemo, createSignal, on } from "solid-js";
import { findUser, fullName } from "../../model/queries.ts";
import type { RoleId } from "../../model/roles.ts";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormError } from "./FormError.tsx";
import { RolePicker } from "./RolePicker.tsx";
import { SubmitRow } from "../primitives/SubmitRow.tsx";

/** One user: change the access roles and save, resend an invitation, or remove the user. */
export function UserDetail(props: { userId: string }) {
	const sim = useSim();
	const user = () => findUser(sim.state(), props.userId);
	const [roles, setRoles] = createSignal<RoleId[]>([]);
	const [saved, setSaved] = createSignal(false);
	const form = createActionForm(sim);
	// Start from the user's current roles whenever another user is opened or the model changes them.
	// The key is a memo so that an action that changes nothing (a refused role change) leaves the
	// trainee's ticks as they are instead of resetting them.
	const stored = createMemo(() => `${props.userId}:${user()?.roles.join(",") ?? ""}`);
	createEffect(on(stored, () => setRoles([...(user()?.roles ?? [])])));

	const save = (event: SubmitEvent) => {
		event.preventDefault();
		setSaved(form.submit({ type: "set-user-roles", userId: props.userId, roles: roles() }));
	};
	const back = () => sim.setView({ page: "users" });

	return (
		<div ref={form.ref}>
			<Show
				when={user()}
				fallback={
					<p>
						{sim.t("ui.users.gone")}{" "}
						<button type="button" class="st-link" onClick={back}>
							{sim.t("ui.users.backToList")}
						</button>
					</p>
				}
			>
				{(u) => (
					<section aria-labelledby="st-user-title">
						<button type="button" class="st-link" onClick={back}>
							{sim.t("ui.users.backToList")}
						</button>
						<h3 id="st-user-title">
							{fullName(u())}
							<Show when={u().id === sim.state().signedInUserId}>
								{" "}
								<span class="st-badge">{sim.t("ui.users.you")}</span>
							</Show>
						</h3>
						<dl class="st-facts">
							<dt>{sim.t("fields.email")}</dt>
							<dd>{u().email}</dd>
							<dt>{sim.t("ui.users.type")}</dt>
							<dd>{sim.t(`userKinds.${u().kind}`)}</dd>
							<dt>{sim.t("ui.users.status")}</dt>
							<dd>{sim.t(`userStatus.${u().status}`)}</dd>
						</dl>
						<FormError message={form.errors().form} />
						<form onSubmit={save} novalidate>
							<RolePicker
								legend={sim.t("ui.users.accessRoles")}
								selected={roles()}
								onChange={(r) => {
									setSaved(false);
									setRoles(r);
								}}
								error={form.errors().roles}
							/>
							<SubmitRow label={sim.t("ui.common.save")}>
								<Show when={u().kind === "guest" && u().status === "invited"}>
									<button
										type="button"
										class="st-button"
										onClick={() => form.submit({ type: "resend-invitation", userId: u().id })}
									>
										{sim.t("actions.resend-invitation")}
									</button>
								</Show>
								<button
									type="button"
									class="st-button st-button--danger"
									onClick={() => {
										if (form.submit({ type: "remove-user", userId: u().id })) back();
									}}
								>
									{sim.t("ui.users.remove")}
								</button>
							</SubmitRow>
							<p role="status" class="st-status">
								{saved() ? sim.t("ui.common.saved") : ""}
							</p>
						</form>
					</section>
				)}
			</Show>
		</div>
	);
}
