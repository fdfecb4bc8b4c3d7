import { Show, createSignal } from "solid-js";
import { Field } from "../primitives/Field.tsx";
import { useSim } from "../context.tsx";
import { createActionForm } from "../form.ts";
import { FormError } from "./FormError.tsx";

/** Ordering a new Loftware Cloud account, outside Control Center. */
export function OrderForm() {
	const sim = useSim();
	const [accountName, setAccountName] = createSignal("");
	const [contactEmail, setContactEmail] = createSignal("");
	const [forCustomer, setForCustomer] = createSignal(false);
	const [customerName, setCustomerName] = createSignal("");
	const [note, setNote] = createSignal("");
	const form = createActionForm(sim);
	const submit = (event: SubmitEvent) => {
		event.preventDefault();
		form.submit({
			type: "order-account",
			accountName: accountName(),
			contactEmail: contactEmail(),
			forCustomer: forCustomer(),
			customerName: forCustomer() ? customerName() : "",
			note: note(),
		});
	};
	return (
		<section aria-labelledby="st-order-title" class="st-order">
			<h3 id="st-order-title">{sim.t("ui.order.title")}</h3>
			<p>{sim.t("ui.order.intro")}</p>
			<form ref={form.ref} onSubmit={submit} novalidate>
				<FormError message={form.errors().form} />
				<Field
					label={sim.t("fields.accountName")}
					value={accountName()}
					onInput={setAccountName}
					error={form.errors().accountName}
					required
				/>
				<Field
					label={sim.t("fields.contactEmail")}
					type="email"
					value={contactEmail()}
					onInput={setContactEmail}
					error={form.errors().contactEmail}
					required
				/>
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
					<Field
						label={sim.t("fields.customerName")}
						value={customerName()}
						onInput={setCustomerName}
						error={form.errors().customerName}
						required
					/>
				</Show>
				<Field
					label={sim.t("fields.note")}
					multiline
					rows={2}
					value={note()}
					onInput={setNote}
					error={form.errors().note}
				/>
				<div class="st-actions">
					<button type="submit" class="st-button st-button--primary">
						{sim.t("ui.order.submit")}
					</button>
				</div>
			</form>
		</section>
	);
}
