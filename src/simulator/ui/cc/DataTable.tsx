import { For, type JSX } from "solid-js";

/** One column: its header, and what a row's cell shows for an item. */
export interface Column<T> {
	header: string;
	cell: (item: T) => JSX.Element;
}

/**
 * A Control Center table, one row an item. Roles are explicit because a narrow screen shows the
 * rows as stacked blocks (see styles.css), and `display: block` would take the table's meaning
 * away; each cell carries its column's header for that stacked view. The wrapper scrolls and is
 * focusable so keyboard users can scroll a wide table too.
 */
export function DataTable<T>(props: {
	labelledBy: string;
	columns: readonly Column<T>[];
	items: readonly T[];
}) {
	return (
		<div class="st-table-wrap" tabindex="0" aria-labelledby={props.labelledBy}>
			<table class="st-table" role="table">
				<thead role="rowgroup">
					<tr role="row">
						<For each={props.columns}>
							{(column) => (
								<th scope="col" role="columnheader">
									{column.header}
								</th>
							)}
						</For>
					</tr>
				</thead>
				<tbody role="rowgroup">
					<For each={props.items}>
						{(item) => (
							<tr role="row">
								<For each={props.columns}>
									{(column) => (
										<td role="cell" data-label={column.header}>
											{column.cell(item)}
										</td>
									)}
								</For>
							</tr>
						)}
					</For>
				</tbody>
			</table>
		</div>
	);
}
