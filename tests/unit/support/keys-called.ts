/** One message key a source file asks for: literal, or a pattern when built from a template. */
export interface CalledKey {
	key: string;
	pattern?: RegExp;
}

// A key: dotted segments of letters, digits and dashes; a template may leave segments open.
const keyShape = /^[a-zA-Z][\w-]*(\.[\w${}.()?:"' -]+)+$/;
const segmentShape = /^[a-zA-Z][\w${}.()?:"' -]*$/;

/**
 * The trainee's cohort texts load apart from the rest (`cohort-<locale>.json`) through
 * `cohortTexts(sim)`, so a file using it asks for keys under `cohort.`, undotted ones included.
 */
const cohortScope = "cohort.";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `a.${x}.b` → /^a\.[^]+\.b$/: a part left open by the template matches one segment or more. */
function templatePattern(template: string): RegExp {
	const parts = template.split(/\$\{[^}]*\}/);
	return new RegExp(`^${parts.map(escape).join("[\\w.-]+")}$`);
}

function called(
	raw: string,
	quote: string,
	prefix = "",
	suffix = "",
	scope = "",
): CalledKey | undefined {
	const whole = `${scope}${prefix}${raw}${suffix}`;
	const open = (quote === "`" && raw.includes("${")) || prefix.includes("${");
	if (!(scope ? segmentShape.test(raw) : keyShape.test(whole))) return undefined;
	return open ? { key: whole, pattern: templatePattern(whole) } : { key: whole };
}

/**
 * The keys a source file asks for: first arguments of `t`, `sim.t`, `props.t` (any `x.t`) and of
 * the file's own prefixed helpers, `const s = (key…) => t(\`prefix.${key}…\`…)`.
 */
export function keysCalled(source: string): CalledKey[] {
	const found: CalledKey[] = [];
	const helpers = new Map<string, { prefix: string; suffix: string }>();
	const definitions: [number, number][] = [];
	for (const m of source.matchAll(
		/\bconst (\w+) = \((\w+)[^)]*\)\s*=>\s*(?:[\w.]+\.)?t\(\s*`([^`]*?)\$\{\2\}([^`]*)`/g,
	)) {
		helpers.set(m[1] as string, { prefix: m[3] as string, suffix: m[4] as string });
		definitions.push([m.index, m.index + m[0].length]);
	}
	// A helper's own definition passes its parameter, not a key.
	const inDefinition = (at: number) => definitions.some(([from, to]) => at >= from && at < to);
	const cohort = source.includes("cohortTexts(");
	for (const m of source.matchAll(
		/(?<![\w$])([\w$]+\.)?t\(\s*(["'`])((?:(?!\2)[^\\\n]|\\.)*)\2/g,
	)) {
		if (inDefinition(m.index)) continue;
		const scope = cohort && m[1] === undefined ? cohortScope : "";
		const call = called(m[3] as string, m[2] as string, "", "", scope);
		if (call) found.push(call);
	}
	for (const m of source.matchAll(/\bcohortTexts\([^)]*\)\(\s*(["'`])((?:(?!\1)[^\\\n])*)\1/g)) {
		const call = called(m[2] as string, m[1] as string, "", "", cohortScope);
		if (call) found.push(call);
	}
	for (const [name, { prefix, suffix }] of helpers) {
		const calls = new RegExp(`(?<![\\w$.])${name}\\(\\s*(["'\`])((?:(?!\\1)[^\\\\\\n])*)\\1`, "g");
		for (const m of source.matchAll(calls)) {
			const call = called(m[2] as string, m[1] as string, prefix, suffix);
			if (call) found.push(call);
		}
	}
	return found;
}
