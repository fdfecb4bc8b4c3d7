import { describe, expect, test } from "vitest";
import { escapeHtml } from "../../../src/simulator/text/escape.ts";
import { escapeHeadText } from "../../../src/starlight/route-middleware.ts";

describe("Starlight route middleware", () => {
	test("escapes the <title> entry, which Starlight writes as raw HTML, and nothing else", () => {
		const head = [
			{
				tag: "title" as const,
				attrs: {},
				content: `</title><img src=x onerror=alert(1)> & "Jo" 'x'`,
			},
			{ tag: "meta" as const, attrs: { property: "og:title", content: "</title>" }, content: "" },
			{ tag: "script" as const, attrs: {}, content: "if (a < b) run();" },
		];
		escapeHeadText(head);
		expect(head[0]!.content).toBe(
			"&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Jo&quot; &#39;x&#39;",
		);
		// Attributes are escaped by Astro; script content must stay as written.
		expect(head[1]!.attrs.content).toBe("</title>");
		expect(head[2]!.content).toBe("if (a < b) run();");
	});

	test("plain titles are unchanged", () => {
		expect(escapeHtml("Zugriffsrollen | Staging Trainer")).toBe("Zugriffsrollen | Staging Trainer");
	});
});
