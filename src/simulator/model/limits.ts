/** Maximum lengths (in UTF-16 code units) and counts the model accepts; the UI shows the same limits. */
export const limits = {
	accountName: 100,
	customerName: 100,
	note: 500,
	personName: 64,
	labelName: 100,
	printer: 100,
	dataField: 64,
	dataFields: 30,
	configurationName: 100,
	integrationName: 100,
	recipientsText: 5000,
	recipients: 20,
	labelSizeMinMm: 10,
	labelSizeMaxMm: 1000,
} as const;
