import type { DatabaseSync, StatementSync } from "node:sqlite";

/**
 * Prepared statements by their text, compiled once per connection: preparing costs more than
 * running, and the stores run the same few statements for every submission (the cohort store's
 * inside the attempt store's transaction).
 */
export function statementCache(db: DatabaseSync): (text: string) => StatementSync {
	const statements = new Map<string, StatementSync>();
	return (text) => {
		let statement = statements.get(text);
		if (statement === undefined) {
			statement = db.prepare(text);
			statements.set(text, statement);
		}
		return statement;
	};
}
