import { For } from "solid-js";

/**
 * The header row of a Control Center table. Roles are explicit because a narrow screen shows the
 * rows as stacked blocks (see styles.css), and `display: block` would take the table's meaning away.
 */
export function TableHead(props: { columns: readonly string[] }) {
	return (
		<thead role="rowgroup">
			<tr role="row">
				<For each={props.columns}>
					{(column) => (
						<th scope="col" role="columnheader">
							{column}
						</th>
					)}
				</For>
			</tr>
		</thead>
	);
}
