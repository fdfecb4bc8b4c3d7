import { maxScore, passMark } from "../grading/rubric.ts";
import { escapeHtml } from "../text/escape.ts";
import type { ScormVersion } from "./scorm.ts";

/**
 * `imsmanifest.xml` of a SCORM package with one SCO: the launch page and every file of the package
 * as one resource, and the pass mark from the rubric (1.2's mastery score in points, 2004's
 * minimum normalized measure of the primary objective). In 2004 the measure does not decide
 * (`satisfiedByMeasure="false"`): the grader passes an attempt only without a critical finding and
 * with every check met, so 80 points can still fail, and the package reports that verdict itself.
 */
export interface ManifestInput {
	readonly version: ScormVersion;
	/** The package's identifier: letters, digits, `.`, `_` and `-`. */
	readonly identifier: string;
	readonly title: string;
	readonly launch: string;
	/** Every file in the package but the manifest, as paths inside it with `/`. */
	readonly files: readonly string[];
}

/** A file's path as a manifest `href`: a URL path relative to the package, each segment encoded. */
export function hrefOf(path: string): string {
	return path.split("/").map(encodeURIComponent).join("/");
}

export function manifestXml(input: ManifestInput): string {
	if (!/^[A-Za-z0-9._-]+$/.test(input.identifier)) {
		throw new Error(`package identifier ${JSON.stringify(input.identifier)} is not a valid XML id`);
	}
	const id = input.identifier;
	const title = escapeHtml(input.title);
	const files = [...new Set([input.launch, ...input.files])]
		.map((f) => `\t\t\t<file href="${escapeHtml(hrefOf(f))}"/>`)
		.join("\n");
	const launch = escapeHtml(hrefOf(input.launch));
	if (input.version === "1.2") {
		return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${title}</title>
			<item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
				<title>${title}</title>
				<adlcp:masteryscore>${passMark}</adlcp:masteryscore>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${launch}">
${files}
		</resource>
	</resources>
</manifest>
`;
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
	xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
	xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
	xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
	xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>2004 4th Edition</schemaversion>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${title}</title>
			<item identifier="${id}-item" identifierref="${id}-sco">
				<title>${title}</title>
				<imsss:sequencing>
					<imsss:objectives>
						<imsss:primaryObjective objectiveID="${id}-passed" satisfiedByMeasure="false">
							<imsss:minNormalizedMeasure>${passMark / maxScore}</imsss:minNormalizedMeasure>
						</imsss:primaryObjective>
					</imsss:objectives>
				</imsss:sequencing>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${launch}">
${files}
		</resource>
	</resources>
</manifest>
`;
}
