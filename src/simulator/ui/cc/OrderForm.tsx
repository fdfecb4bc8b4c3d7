import { Show, createSignal } from "solid-js";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormError } from "./FormError.tsx";
import { FormField } from "./FormField.tsx";
import { SubmitRow } from "../primitives/SubmitRow.tsx";

/** Ordering a new Loftware Cloud account, outside Control Center. */
export function OrderForm() {
	const sim = useSim();
	const [forCustomer, setForCustomer] = createSignal(false);
	const form = createActionForm(sim, {
		accountName: "",
		contactEmail: "",
		customerName: "",
		note: "",
	});
	const submit = (event: SubmitEvent) => {
		event.preventDefault();
		const typed = form.values();
		form.submit({
			type: "order-account",
			...typed,
			forCustomer: forCustomer(),
			customerName: forCustomer() ? typed.customerName : "",
		});
	};
	return (
		<section aria-labelledby="st-order-title" class="st-order">
			<h3 id="st-order-title">{sim.t("ui.order.title")}</h3>
			<p>{sim.t("ui.order.intro")}</p>
			<form ref={form.ref} onSubmit={submit} novalidate>
				<FormError message={form.errors().form} />
				<FormField form={form} name="accountName" required />
				<FormField form={form} name="contactEmail" type="email" required />
				<div class="st-field">
					<label>
						<input
							type="checkbox"
							checked={forCustomer()}
							onChange={(e) => setForCustomer(e.currentTarget.checked)}
						/>{" "}
						{sim.t("fields.forCustomer")}
					</label>
				</div>
				<Show when={forCustomer()}>
					<FormField form={form} name="customerName" required />
				</Show>
				<FormField form={form} name="note" multiline rows={2} />
				<SubmitRow label={sim.t("ui.order.submit")} />
			</form>
		</section>
	);
}
