// Lets a heading carry a fixed anchor: `## Konto bestellen \{#order-account\}` renders
// <h2 id="order-account">. The guide's step anchors must be identical in German and English
// (the simulator and the grader link to them), so they cannot come from the heading text.
// In MDX the braces are escaped; in Markdown `{#id}` works as is.
const trailingId = /\s*\{#([a-z][a-z0-9-]*)\}\s*$/;

/** @param {any} node */
function visitHeadings(node, fn) {
	if (node.type === "heading") fn(node);
	for (const child of node.children ?? []) visitHeadings(child, fn);
}

export default function remarkHeadingId() {
	/** @param {any} tree */
	return (tree) => {
		visitHeadings(tree, (heading) => {
			const last = heading.children.at(-1);
			if (!last || last.type !== "text") return;
			const match = trailingId.exec(last.value);
			if (!match) return;
			last.value = last.value.slice(0, match.index);
			heading.data ??= {};
			heading.data.hProperties = { ...heading.data.hProperties, id: match[1] };
		});
	};
}
