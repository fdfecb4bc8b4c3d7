import { For, Show, createSignal } from "solid-js";
import { fullName } from "../../model/queries.ts";
import { useSim } from "../context.tsx";
import { InviteDialog } from "./InviteDialog.tsx";
import { TableHead } from "./TableHead.tsx";

/** Control Center > Users: every user with e-mail, roles and status; invite or add users. */
export function Users() {
	const sim = useSim();
	const [dialog, setDialog] = createSignal<"guest" | "organizational" | null>(null);
	const roleNames = (roles: readonly string[]) =>
		roles.map((r) => sim.t(`roles.${r}.name`)).join(", ");

	return (
		<section aria-labelledby="st-users-title">
			<h3 id="st-users-title">{sim.t("ui.nav.users")}</h3>
			<div class="st-toolbar">
				<button
					type="button"
					class="st-button st-button--primary"
					onClick={() => setDialog("guest")}
				>
					{sim.t("ui.users.invite")}
				</button>
				<button type="button" class="st-button" onClick={() => setDialog("organizational")}>
					{sim.t("ui.users.addOrganizational")}
				</button>
			</div>
			<div class="st-table-wrap" tabindex="0" aria-labelledby="st-users-title">
				<table class="st-table" role="table">
					<TableHead
						columns={[
							sim.t("ui.users.name"),
							sim.t("fields.email"),
							sim.t("fields.roles"),
							sim.t("ui.users.type"),
							sim.t("ui.users.status"),
						]}
					/>
					<tbody role="rowgroup">
						<For each={sim.state().users}>
							{(user) => (
								<tr role="row">
									<td role="cell" data-label={sim.t("ui.users.name")}>
										<button
											type="button"
											class="st-link"
											onClick={() => sim.setView({ page: "user", userId: user.id })}
										>
											{fullName(user)}
										</button>
										<Show when={user.id === sim.state().signedInUserId}>
											{" "}
											<span class="st-badge">{sim.t("ui.users.you")}</span>
										</Show>
									</td>
									<td role="cell" data-label={sim.t("fields.email")}>
										{user.email}
									</td>
									<td role="cell" data-label={sim.t("fields.roles")}>
										{roleNames(user.roles)}
									</td>
									<td role="cell" data-label={sim.t("ui.users.type")}>
										{sim.t(`userKinds.${user.kind}`)}
									</td>
									<td role="cell" data-label={sim.t("ui.users.status")}>
										{sim.t(`userStatus.${user.status}`)}
									</td>
								</tr>
							)}
						</For>
					</tbody>
				</table>
			</div>
			<InviteDialog
				open={dialog() !== null}
				kind={dialog() ?? "guest"}
				onClose={() => setDialog(null)}
			/>
		</section>
	);
}
