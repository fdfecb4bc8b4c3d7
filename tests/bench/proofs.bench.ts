import { translator } from "../../src/i18n/translator.ts";
import { proveScenario } from "../../src/simulator/proofs/prove.ts";
import { scenarios } from "../../src/simulator/scenarios/registry.ts";

/**
 * npm run bench:proofs: how long the editor waits for the proofs of one draft. Every built-in
 * scenario, as a trainer's copy with texts in both languages (so the brief-only trainee runs twice
 * over its 50 variants), proved ten times after a warm-up; the slowest scenario's p95 counts.
 * Budget: under 2 s on these 2-core machines, the wait a trainer has after each save.
 */

const budgetMs = 2000;
const translators = { de: translator("de"), en: translator("en") };
const runs = 10;

const rows: { scenario: string; p50: number; p95: number; max: number }[] = [];
for (const base of scenarios) {
	const texts = {
		de: { title: "T", summary: "S", brief: "Für {{company}}." },
		en: { title: "T", summary: "S", brief: "For {{company}}." },
	};
	const draft = { ...base, id: `${base.id}-copy`, texts };
	proveScenario(draft, { translators });
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const result = proveScenario(draft, { translators });
		times.push(performance.now() - started);
		if (!result.passed) throw new Error(`${base.id}: the proofs do not pass`);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
	rows.push({
		scenario: base.id,
		p50: Math.round(at(0.5)),
		p95: Math.round(at(0.95)),
		max: Math.round(times.at(-1)!),
	});
}
console.table(rows);
const worst = Math.max(...rows.map((r) => r.p95));
console.log(`slowest p95: ${worst} ms (budget ${budgetMs} ms)`);
if (worst >= budgetMs) process.exit(1);
