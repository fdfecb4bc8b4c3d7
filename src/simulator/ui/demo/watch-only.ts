/**
 * While the demo works the Control Center, the trainee watches: their own clicks and keystrokes
 * there are stopped, so nothing they do slips into the demo's log. The screen stays readable and
 * reachable (Tab, arrow keys, a screen reader's reading), unlike with `inert`, which would hide it
 * from assistive technology. Only trusted events are stopped; the demo's own are untrusted.
 */

const stopped = [
	"click",
	"dblclick",
	"pointerdown",
	"mousedown",
	"beforeinput",
	"keydown",
	"paste",
	"drop",
];

/** Keys that move or read, never change anything (except on a select, where arrows choose). */
const reading = new Set([
	"Tab",
	"Shift",
	"Control",
	"Alt",
	"Meta",
	"Escape",
	"Home",
	"End",
	"PageUp",
	"PageDown",
	"ArrowUp",
	"ArrowDown",
	"ArrowLeft",
	"ArrowRight",
]);

/** Stops the trainee's input inside `area`'s Control Center; returns the undo. */
export function watchOnly(area: HTMLElement, onStopped: () => void): () => void {
	const guard = (event: Event) => {
		if (!event.isTrusted) return;
		const target = event.target as Element | null;
		if (!target?.closest(".st-cc, .st-order-frame")) return;
		if (
			event instanceof KeyboardEvent &&
			reading.has(event.key) &&
			!(event.key.startsWith("Arrow") && target.closest("select"))
		) {
			return;
		}
		event.preventDefault();
		event.stopPropagation();
		onStopped();
	};
	for (const type of stopped) area.addEventListener(type, guard, true);
	return () => {
		for (const type of stopped) area.removeEventListener(type, guard, true);
	};
}
