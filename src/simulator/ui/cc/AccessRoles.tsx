import { For } from "solid-js";
import { fullName } from "../../model/queries.ts";
import { roleIds } from "../../model/roles.ts";
import { useSim } from "../context.tsx";

/** Control Center > Users > Access Roles: each default role with its members. */
export function AccessRoles() {
	const sim = useSim();
	const members = (role: string) =>
		sim
			.state()
			.users.filter((u) => u.roles.some((r) => r === role))
			.map(fullName);
	return (
		<section aria-labelledby="st-roles-title">
			<h3 id="st-roles-title">{sim.t("ui.nav.accessRoles")}</h3>
			<ul class="st-cards">
				<For each={roleIds}>
					{(role) => (
						<li class="st-card">
							<h4>{sim.t(`roles.${role}.name`)}</h4>
							<p>{sim.t(`roles.${role}.description`)}</p>
							<p>
								<strong>{sim.t("ui.roles.members")}:</strong>{" "}
								{members(role).join(", ") || sim.t("ui.roles.noMembers")}
							</p>
						</li>
					)}
				</For>
			</ul>
		</section>
	);
}
