import { describe, expect, test } from "vitest";
import { filterParams, parseListQuery } from "../../../../src/server/attempts/filter.ts";

const parse = (search: string) => parseListQuery(new URLSearchParams(search));

describe("list query parameters", () => {
	test("defaults: newest first, 50 a page", () => {
		expect(parse("")).toEqual({
			query: { filter: {}, sort: "date", dir: "desc", page: 1, pageSize: 50 },
			problems: [],
		});
	});

	test("dates are whole local days, both inclusive", () => {
		const { query } = parse("from=2026-03-01&to=2026-03-01");
		expect(query.filter.from).toBe(new Date(2026, 2, 1).toISOString());
		expect(query.filter.to).toBe(new Date(2026, 2, 2).toISOString());
	});

	test("reports every invalid value and leaves it out", () => {
		const { query, problems } = parse(
			"mode=exam&passed=yes&from=2026-02-30&to=tomorrow&sort=age&dir=up&page=0&pageSize=1000",
		);
		expect(problems.map((p) => p.split(":")[0])).toEqual([
			"mode",
			"passed",
			"from",
			"to",
			"sort",
			"dir",
			"page",
			"pageSize",
		]);
		expect(query).toEqual({ filter: {}, sort: "date", dir: "desc", page: 1, pageSize: 50 });
	});

	test("text filters are trimmed; empty ones are no filter", () => {
		expect(parse("cohort=%20K1%20&trainee=&scenario=x").query.filter).toEqual({
			cohort: "K1",
			scenario: "x",
		});
		expect(
			filterParams(new URLSearchParams("cohort=K1&sort=score&page=2&trainee=")).toString(),
		).toBe("cohort=K1");
	});
});
