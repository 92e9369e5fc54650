package dev.newsroom.publisher.publishing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of an editor's HTML reaches the topic.
 */
class BodySanitizerTests {

	@Test
	void scriptsEventHandlersAndJavascriptUrlsAreRemoved() {
		String body = BodySanitizer.sanitize("<p onclick=\"steal()\">Hello<script>alert(1)</script></p>"
				+ "<img src=\"x\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">link</a>"
				+ "<iframe src=\"https://evil.example\"></iframe><style>p{}</style>");
		assertThat(body).doesNotContainIgnoringCase("script")
			.doesNotContainIgnoringCase("onclick")
			.doesNotContainIgnoringCase("onerror")
			.doesNotContainIgnoringCase("javascript:")
			.doesNotContainIgnoringCase("iframe")
			.doesNotContainIgnoringCase("style")
			.contains("<p>Hello</p>")
			.contains("<a>link</a>");
	}

	@Test
	void articleStructureIsKept() {
		String html = "<h2>Votes</h2><p>The <strong>budget</strong> <em>passed</em>.</p>"
				+ "<blockquote>Quote</blockquote><ul><li>One</li></ul>"
				+ "<figure><img src=\"https://img.example/a.jpg\" alt=\"A\"><figcaption>Caption</figcaption></figure>"
				+ "<p><a href=\"https://gov.example/budget\">Source</a></p>";
		assertThat(BodySanitizer.sanitize(html)).isEqualTo(html);
	}

	@Test
	void bodyWithNothingLeftForReadersHasNoContent() {
		assertThat(BodySanitizer.hasContent(BodySanitizer.sanitize("<script>alert(1)</script>"))).isFalse();
		assertThat(BodySanitizer.hasContent(BodySanitizer.sanitize("<p> </p>"))).isFalse();
		assertThat(BodySanitizer.hasContent(BodySanitizer.sanitize("<img src=\"https://img.example/a.jpg\">")))
			.isTrue();
	}

}
