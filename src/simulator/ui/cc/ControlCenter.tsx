import { For, Show, lazy, type Component } from "solid-js";
import { fullName, signedInUser } from "../../model/queries.ts";
import { useSim, type View } from "../context.tsx";
import { Phase } from "../Loading.tsx";
import { Dashboard } from "./Dashboard.tsx";
import { OrderForm } from "./OrderForm.tsx";
import { navigation, type Page } from "./navigation.ts";

// The pages a trainee opens from the navigation load with it: their code starts loading as soon
// as the pointer or the keyboard focus reaches the navigation, before the click, so the first
// screen of the simulator (the order form and the dashboard) loads less.
const Documents = lazy(() => import("./Documents.tsx").then((m) => ({ default: m.Documents })));
const Integrations = lazy(() =>
	import("./Integrations.tsx").then((m) => ({ default: m.Integrations })),
);
const AccessRoles = lazy(() =>
	import("./AccessRoles.tsx").then((m) => ({ default: m.AccessRoles })),
);
const AccountInformation = lazy(() =>
	import("./AccountInformation.tsx").then((m) => ({ default: m.AccountInformation })),
);
const Users = lazy(() => import("./Users.tsx").then((m) => ({ default: m.Users })));
const Mailbox = lazy(() => import("./Mailbox.tsx").then((m) => ({ default: m.Mailbox })));
const UserDetail = lazy(() => import("./UserDetail.tsx").then((m) => ({ default: m.UserDetail })));
const onDemand = [
	Users,
	Documents,
	Integrations,
	AccessRoles,
	AccountInformation,
	Mailbox,
	UserDetail,
];

/** Starts loading every page's code; harmless to call again. */
function preloadPages(): void {
	for (const page of onDemand) void page.preload();
}

/** The user a "user" view shows, read from the view so the page follows it. */
function CurrentUser() {
	const sim = useSim();
	const userId = () => {
		const v = sim.view();
		return v.page === "user" ? v.userId : "";
	};
	return <UserDetail userId={userId()} />;
}

const pages: Record<Page, Component> = {
	dashboard: Dashboard,
	documents: Documents,
	integrations: Integrations,
	users: Users,
	user: CurrentUser,
	"access-roles": AccessRoles,
	"account-information": AccountInformation,
	mailbox: Mailbox,
};

/** The simulated Control Center: header, navigation and the current page; or the order form first. */
export function ControlCenter() {
	const sim = useSim();
	const current = (): Page => {
		const v = sim.view();
		return v.page === "user" ? "users" : v.page;
	};
	const me = () => signedInUser(sim.state());
	const go = (page: Page) => sim.setView({ page } as View);

	const NavButton = (p: { page: Page; label: string }) => (
		<button
			type="button"
			class="st-nav__item"
			aria-current={current() === p.page ? "page" : undefined}
			onClick={() => go(p.page)}
		>
			{sim.t(p.label)}
		</button>
	);

	const NavItems = (p: { items: readonly { page: Page; label: string }[] }) => (
		<For each={p.items}>
			{(item) => (
				<li>
					<NavButton {...item} />
				</li>
			)}
		</For>
	);

	return (
		<Show
			when={sim.state().account}
			fallback={
				// Before the order there is no Control Center yet: the order goes to Loftware.
				<div class="st-cc st-order-frame" role="region" aria-label={sim.t("ui.order.region")}>
					<header class="st-cc__header">
						<p class="st-cc__brand">{sim.t("ui.order.region")}</p>
					</header>
					<div class="st-cc__page">
						<OrderForm />
					</div>
				</div>
			}
		>
			<div class="st-cc" role="region" aria-label={sim.t("ui.cc.region")}>
				<Show when={sim.state().account}>
					{(account) => (
						<>
							<header class="st-cc__header">
								<p class="st-cc__brand">{sim.t("ui.cc.title")}</p>
								<p class="st-cc__account">
									{sim.t("ui.cc.account")}: <strong>{account().name}</strong>
								</p>
								<p class="st-cc__user">
									<Show when={me()} fallback={sim.t("ui.cc.signedOut")}>
										{(u) => (
											<>
												{sim.t("ui.cc.signedInAs")}: <strong>{fullName(u())}</strong> (
												{u()
													.roles.map((r) => sim.t(`roles.${r}.name`))
													.join(", ")}
												)
											</>
										)}
									</Show>
								</p>
							</header>
							<div class="st-cc__body">
								<nav
									class="st-nav"
									aria-label={sim.t("ui.cc.navigation")}
									onPointerEnter={preloadPages}
									onFocusIn={preloadPages}
								>
									<ul>
										<For each={navigation}>
											{(entry) => (
												<Show when={entry.group} fallback={<NavItems items={entry.items} />}>
													{(group) => (
														<li>
															<span class="st-nav__group">{sim.t(group())}</span>
															<ul>
																<NavItems items={entry.items} />
															</ul>
														</li>
													)}
												</Show>
											)}
										</For>
										<li class="st-nav__outside">
											<NavButton page="mailbox" label="ui.nav.mailbox" />
										</li>
									</ul>
								</nav>
								<div class="st-cc__page">
									<Show
										when={me() || sim.view().page === "mailbox"}
										fallback={<p role="alert">{sim.t("refusals.signed-out")}</p>}
									>
										<Phase>
											<Show when={pages[sim.view().page]} keyed>
												{(Page) => <Page />}
											</Show>
										</Phase>
									</Show>
								</div>
							</div>
						</>
					)}
				</Show>
			</div>
		</Show>
	);
}
