import { For, Show } from "solid-js";
import { findUser } from "../../model/queries.ts";
import { useSim } from "../context.tsx";

/**
 * Every e-mail the account sent, newest first, by recipient. The activation link in an invitation
 * plays the invited person accepting it, which is how the customer takes over the account.
 */
export function Mailbox() {
	const sim = useSim();
	const mails = () => [...sim.state().mailbox].reverse();
	const canActivate = (userId: string | null) =>
		userId !== null && findUser(sim.state(), userId)?.status === "invited";
	return (
		<section aria-labelledby="st-mailbox-title">
			<h3 id="st-mailbox-title">{sim.t("ui.mailbox.title")}</h3>
			<p>{sim.t("ui.mailbox.intro")}</p>
			<Show when={mails().length > 0} fallback={<p>{sim.t("ui.mailbox.empty")}</p>}>
				<ul class="st-mails">
					<For each={mails()}>
						{(mail) => (
							<li class="st-card">
								<p class="st-mail__meta">
									<span>
										{sim.t("ui.mailbox.to")}: {mail.to.join(", ")}
									</span>
								</p>
								<h4>{sim.t(`mail.${mail.kind}.subject`, mail.params)}</h4>
								<p>{sim.t(`mail.${mail.kind}.body`, mail.params)}</p>
								<Show when={mail.kind === "invitation" && canActivate(mail.userId)}>
									<button
										type="button"
										class="st-button st-button--primary"
										onClick={() =>
											mail.userId &&
											sim.dispatch({ type: "activate-invitation", userId: mail.userId })
										}
									>
										{sim.t("ui.mailbox.activate")}
									</button>
								</Show>
							</li>
						)}
					</For>
				</ul>
			</Show>
		</section>
	);
}
