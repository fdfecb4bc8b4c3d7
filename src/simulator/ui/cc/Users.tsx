import { Show, createSignal } from "solid-js";
import { fullName } from "../../model/queries.ts";
import { useSim } from "../context.tsx";
import { DataTable } from "./DataTable.tsx";
import { InviteDialog } from "./InviteDialog.tsx";

/** Control Center > Users: every user with e-mail, roles and status; invite or add users. */
export function Users() {
	const sim = useSim();
	const [dialog, setDialog] = createSignal<"guest" | "organizational" | null>(null);
	const roleNames = (roles: readonly string[]) =>
		roles.map((r) => sim.t(`roles.${r}.name`)).join(", ");

	return (
		<section aria-labelledby="st-users-title">
			<h3 id="st-users-title">{sim.t("ui.nav.users")}</h3>
			{/* The same page head as Documents (a title, then the toolbar). */}
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
			<DataTable
				labelledBy="st-users-title"
				items={sim.state().users}
				columns={[
					{
						header: sim.t("ui.users.name"),
						cell: (user) => (
							<>
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
							</>
						),
					},
					{ header: sim.t("fields.email"), cell: (user) => user.email },
					{ header: sim.t("fields.roles"), cell: (user) => roleNames(user.roles) },
					{ header: sim.t("ui.users.type"), cell: (user) => sim.t(`userKinds.${user.kind}`) },
					{
						header: sim.t("ui.users.status"),
						cell: (user) => sim.t(`userStatus.${user.status}`),
					},
				]}
			/>
			<InviteDialog
				open={dialog() !== null}
				kind={dialog() ?? "guest"}
				onClose={() => setDialog(null)}
			/>
		</section>
	);
}
