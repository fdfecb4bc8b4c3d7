import { companyShortNames, firstNames, lastNames, partnerCompanies } from "./names.ts";
import { pick, sample, seededRandom } from "./random.ts";
import type { Scenario } from "./schema.ts";
import { personLocalPart, slug } from "./slug.ts";

/**
 * A seeded variant of a scenario: a different customer company (and so domain and account name),
 * different people with their addresses, and a different partner identity, so trainees next to each
 * other see different details. The requirements (labels, configurations, roles, ...) stay the same.
 * The same scenario and seed always give the same variant; seed 0 is the scenario as written, which
 * the guide uses for its examples. Pass the scenario as loaded, not a variant.
 */
export function variant(s: Scenario, seed: number): Scenario {
	if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`invalid seed ${seed}`);
	if (seed === 0) return { ...s, seed: 0 };
	const random = seededRandom(`${s.id}:${seed}`);

	const shortName = pick(
		random,
		companyShortNames.filter((n) => n !== s.customer.shortName),
	);
	const oldStem = slug(s.customer.shortName);
	const newStem = slug(shortName);
	const domain = newStem + s.customer.domain.slice(oldStem.length);
	const atDomain = (email: string) => `${email.slice(0, email.indexOf("@"))}@${domain}`;

	// Distinct last names keep every generated address in the variant unique.
	const surnames = sample(random, lastNames, s.people.length + 1);
	const person = (i: number) => {
		const firstName = pick(random, firstNames);
		const lastName = surnames[i] as string;
		return { firstName, lastName, local: personLocalPart(firstName, lastName) };
	};
	const partnerPerson = person(s.people.length);
	const partnerCompany = pick(random, partnerCompanies);

	return {
		...s,
		seed,
		partner: {
			firstName: partnerPerson.firstName,
			lastName: partnerPerson.lastName,
			email: `${partnerPerson.local}@${partnerCompany.domain}`,
			company: partnerCompany.company,
		},
		customer: {
			...s.customer,
			company: s.customer.company.replace(s.customer.shortName, shortName),
			shortName,
			domain,
			accountName: s.customer.accountName.replace(oldStem, newStem),
		},
		people: s.people.map((p, i) => {
			const next = person(i);
			return {
				key: p.key,
				firstName: next.firstName,
				lastName: next.lastName,
				email: `${next.local}@${domain}`,
			};
		}),
		mailboxes: s.mailboxes.map((m) => ({ key: m.key, email: atDomain(m.email) })),
	};
}
