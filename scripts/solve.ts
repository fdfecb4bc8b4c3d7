import { attemptSchema, type Attempt } from "../src/simulator/attempt/schema.ts";
import { localeSchema } from "../src/simulator/text/locale-schema.ts";
import { type Locale } from "../src/simulator/text/locale.ts";
import { stepIdSchema, type StepId } from "../src/simulator/process/steps.ts";
import { getScenario, listScenarios, solve, startAt } from "../src/simulator/scenarios/index.ts";
import { translator } from "../src/i18n/translator.ts";
import { UsageError, appVersion, main, printJson } from "./cli-output.ts";

/**
 * npm run solve -- --list
 * npm run solve -- <scenario> [seed] [--start <step>] [--locale de|en]
 * Prints the scenarios, or a reference attempt (JSON) that `npm run grade` scores 100.
 */

const usage =
	"usage: npm run solve -- --list | <scenario> [seed] [--start <step>] [--locale de|en]";

function list(locale: Locale): void {
	const t = translator(locale);
	const width = Math.max(...listScenarios().map((s) => s.id.length));
	for (const s of listScenarios()) {
		process.stdout.write(
			`${s.id.padEnd(width)}  ${s.difficulty}  ${t(`scenarios.${s.id}.title`)}\n`,
		);
	}
}

function parse(args: string[]) {
	const positional: string[] = [];
	let start: StepId | undefined;
	let locale: Locale = "en";
	let listing = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		if (arg === "--list") listing = true;
		else if (arg === "--start" || arg === "--locale") {
			const value = args[++i];
			if (arg === "--start") {
				const step = stepIdSchema.safeParse(value);
				if (!step.success) throw new UsageError(`unknown step ${JSON.stringify(value)}`);
				start = step.data;
			} else {
				const parsed = localeSchema.safeParse(value);
				if (!parsed.success) throw new UsageError(`unknown locale ${JSON.stringify(value)}`);
				locale = parsed.data;
			}
		} else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}; ${usage}`);
		else positional.push(arg);
	}
	return { positional, start, locale, listing };
}

main((args) => {
	const { positional, start, locale, listing } = parse(args);
	if (listing) return list(locale);
	const [id, seedText = "0", extra] = positional;
	if (id === undefined || extra !== undefined) throw new UsageError(usage);
	const scenario = getScenario(id);
	if (scenario === undefined) {
		throw new UsageError(`unknown scenario ${JSON.stringify(id)}; see npm run solve -- --list`);
	}
	const seed = Number(seedText);
	if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(seed) || seed > 0xffff_ffff) {
		throw new UsageError(
			`invalid seed ${JSON.stringify(seedText)}: use a whole number from 0 to 4294967295`,
		);
	}
	const skipped = start === undefined ? 0 : startAt(scenario, seed, start).prefix.length;
	const events = solve(scenario, seed).slice(skipped);
	const attempt: Attempt = {
		id: `reference-${id}-${seed}${start === undefined ? "" : `-${start}`}`,
		scenario: start === undefined ? { id, seed } : { id, seed, start },
		locale,
		mode: "demo",
		startedAt: events[0]?.at ?? new Date(0).toISOString(),
		finishedAt: events.at(-1)?.at ?? new Date(0).toISOString(),
		appVersion: appVersion(),
		hintsUsed: 0,
		events,
		claimedScore: 100,
	};
	printJson(attemptSchema.parse(attempt));
});
