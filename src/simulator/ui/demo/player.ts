import type { Gesture, Target } from "./plan.ts";
import { characterDelay, timing } from "./timing.ts";

/**
 * Carries the demo's gestures out in the page: finds each control by what the screen says, marks
 * it, and clicks, types, chooses or ticks through the DOM, so the Control Center's own handlers do
 * the work exactly as for a trainee. The events it sends are untrusted, which is how the watch-only
 * guard (`watch-only.ts`) lets them through while it stops the trainee's own.
 */

/** Thrown when a control the demo needs is not on the screen: the demo stops and says so. */
export class MissingControl extends Error {}

export interface Hands {
	/** The Control Center (or the order frame before it exists). */
	readonly stage: () => HTMLElement | null;
	/** Waits `ms` at normal pace; scaled by the pace, held while paused, throws when stopped. */
	readonly wait: (ms: number) => Promise<void>;
	readonly reducedMotion: boolean;
}

export async function perform(gesture: Gesture, hands: Hands): Promise<void> {
	await hands.wait(timing.beforeGesture);
	const control = await findSoon(gesture.target, hands);
	const marked = gesture.kind === "tick" ? (control.closest("label") ?? control) : control;
	marked.setAttribute("data-demo-target", "");
	marked.scrollIntoView({ block: "nearest", behavior: hands.reducedMotion ? "instant" : "smooth" });
	try {
		switch (gesture.kind) {
			case "click":
				control.click();
				await hands.wait(timing.afterClick);
				return;
			case "type":
				return await type(control as HTMLInputElement | HTMLTextAreaElement, gesture.text, hands);
			case "choose":
				(control as HTMLSelectElement).value = gesture.value;
				control.dispatchEvent(new Event("change", { bubbles: true }));
				return;
			case "tick":
				if ((control as HTMLInputElement).checked !== gesture.on) control.click();
				return;
		}
	} finally {
		marked.removeAttribute("data-demo-target");
	}
}

async function type(
	field: HTMLInputElement | HTMLTextAreaElement,
	text: string,
	hands: Hands,
): Promise<void> {
	const input = (value: string) => {
		field.value = value;
		field.dispatchEvent(new Event("input", { bubbles: true }));
	};
	if (field.value !== "") input("");
	const delay = characterDelay(text, hands.reducedMotion);
	if (delay === 0) return input(text);
	for (let i = 1; i <= text.length; i++) {
		input(text.slice(0, i));
		await hands.wait(delay);
	}
}

const normalise = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** A button's accessible name as this app gives it: its aria-label, else its text. */
const nameOf = (el: Element) => normalise(el.getAttribute("aria-label") ?? el.textContent);

/** How long the hands wait for a control to appear, as the eyes would: a page still loading. */
const patience = 8000;

/**
 * The control, once it is on the screen. A page of Control Center loads its code when first
 * opened, so right after a click its buttons may not be there yet; waiting here, for every
 * gesture alike, is what a trainee does too. Only a control that never comes stops the demo.
 */
async function findSoon(target: Target, hands: Hands): Promise<HTMLElement> {
	const until = Date.now() + patience;
	for (;;) {
		try {
			return find(target, hands);
		} catch (error) {
			if (!(error instanceof MissingControl) || Date.now() > until) throw error;
			await hands.wait(50);
		}
	}
}

function find(target: Target, hands: Hands): HTMLElement {
	const stage = hands.stage();
	if (!stage) throw new MissingControl("no Control Center on the screen");
	// A dialog, while open, is where the hands are.
	const scope = stage.querySelector<HTMLElement>("dialog[open]") ?? stage;
	const found = locate(target, stage, scope);
	if (!found)
		throw new MissingControl(`${target.by} ${"name" in target ? target.name : target.label}`);
	return found;
}

function locate(target: Target, stage: HTMLElement, scope: HTMLElement): HTMLElement | undefined {
	switch (target.by) {
		case "nav":
			return [...stage.querySelectorAll<HTMLElement>("nav button")].find(
				(b) => nameOf(b) === target.name,
			);
		case "button":
			return [...scope.querySelectorAll<HTMLButtonElement>("button")].find(
				(b) => nameOf(b) === target.name && !b.disabled,
			);
		case "field": {
			const label = [...scope.querySelectorAll("label")].find(
				(l) => l.htmlFor !== "" && normalise(l.textContent) === target.label,
			);
			const control = label ? scope.ownerDocument.getElementById(label.htmlFor) : null;
			return control ?? undefined;
		}
		case "check":
			return (
				[...scope.querySelectorAll("label")]
					.find((l) => normalise(l.textContent) === target.label)
					?.querySelector<HTMLInputElement>('input[type="checkbox"]') ?? undefined
			);
	}
}
