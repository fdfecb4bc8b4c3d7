import { Show, createSignal } from "solid-js";
import type { Attempt } from "../attempt/schema.ts";
import { encodeCompletionCode, resultFileName, resultFileText } from "../client/score-server.ts";
import { useSim } from "./context.tsx";
import { useAsync } from "./use-async.ts";

/**
 * A finished attempt to hand to the trainer where no score server takes it: the result file to
 * download and the completion code to copy. The trainer's import regrades either.
 */
export function CompletionCode(props: { attempt: Attempt }) {
	const sim = useSim();
	const code = useAsync(
		() => props.attempt,
		(attempt) => encodeCompletionCode(attempt),
	);
	const [copied, setCopied] = createSignal(false);
	const download = () => {
		const blob = new Blob([resultFileText(props.attempt)], { type: "application/json" });
		const link = document.createElement("a");
		link.href = URL.createObjectURL(blob);
		link.download = resultFileName(props.attempt);
		link.click();
		setTimeout(() => URL.revokeObjectURL(link.href), 1000);
	};
	const copy = async () => {
		const value = code();
		if (!value) return;
		await navigator.clipboard.writeText(value).catch(() => undefined);
		setCopied(true);
	};
	return (
		<>
			<div class="st-actions">
				<button type="button" class="st-button st-button--primary" onClick={download}>
					{sim.t("ui.submit.download")}
				</button>
			</div>
			<Show when={code()}>
				{(value) => (
					<div class="st-field">
						<label for="st-completion-code">{sim.t("ui.submit.code")}</label>
						<textarea id="st-completion-code" readonly rows={3} value={value()} />
						<div class="st-actions">
							<button type="button" class="st-button" onClick={() => void copy()}>
								{copied() ? sim.t("ui.submit.copied") : sim.t("ui.submit.copy")}
							</button>
						</div>
					</div>
				)}
			</Show>
		</>
	);
}
