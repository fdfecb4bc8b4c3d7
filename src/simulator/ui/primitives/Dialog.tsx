import { createEffect, createUniqueId, onCleanup, type JSX } from "solid-js";

interface DialogProps {
	open: boolean;
	title: string;
	onClose: () => void;
	children: JSX.Element;
	/** Element to focus when the dialog opens; the first focusable one otherwise. */
	initialFocus?: () => HTMLElement | undefined;
	/**
	 * False while a demo fills the dialog: it opens without making the page inert or taking the
	 * focus, so the demo's own controls (pause, back) stay usable. True otherwise.
	 */
	modal?: boolean;
}

const focusable =
	'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog> (the page behind it becomes inert), with focus kept
 * inside on Tab, Escape to close, and focus returned to the element that opened it.
 */
export function Dialog(props: DialogProps) {
	let ref: HTMLDialogElement | undefined;
	let opener: HTMLElement | null = null;
	const titleId = createUniqueId();

	createEffect(() => {
		if (!ref) return;
		if (props.open && !ref.open) {
			if (props.modal === false) {
				// show() moves the focus into the dialog as well; give it back to where it was.
				opener = null;
				const before = document.activeElement;
				ref.show();
				if (before instanceof HTMLElement && before !== document.body) {
					before.focus({ preventScroll: true });
				} else if (document.activeElement instanceof HTMLElement) {
					document.activeElement.blur();
				}
				return;
			}
			opener = document.activeElement as HTMLElement | null;
			ref.showModal();
			const target = props.initialFocus?.() ?? ref.querySelector<HTMLElement>(focusable);
			target?.focus();
		} else if (!props.open && ref.open) {
			ref.close();
			opener?.focus();
		}
	});
	onCleanup(() => {
		if (ref?.open) ref.close();
		opener?.focus();
	});

	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key !== "Tab" || !ref?.matches(":modal")) return;
		const items = [...ref.querySelectorAll<HTMLElement>(focusable)];
		const first = items[0];
		const last = items.at(-1);
		if (!first || !last) return;
		if (event.shiftKey && document.activeElement === first) {
			event.preventDefault();
			last.focus();
		} else if (!event.shiftKey && document.activeElement === last) {
			event.preventDefault();
			first.focus();
		}
	};

	return (
		<dialog
			ref={ref}
			class="st-dialog"
			aria-labelledby={titleId}
			onKeyDown={onKeyDown}
			onCancel={(event) => {
				// Escape: let the owner decide, so state and the DOM stay in step.
				event.preventDefault();
				props.onClose();
			}}
		>
			<h2 id={titleId} class="st-dialog__title">
				{props.title}
			</h2>
			{props.children}
		</dialog>
	);
}
