package dev.newsroom.console.signin;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console offers follows the publisher's roles, admin above editor above writer;
 * and the token stays out of logs.
 */
class EditorTests {

	@Test
	void editorsAndAdminsMayPublishWritersMayNot() {
		assertThat(editor("EDITOR").mayPublish()).isTrue();
		assertThat(editor("ADMIN").mayPublish()).isTrue();
		assertThat(editor("WRITER").mayPublish()).isFalse();
	}

	@Test
	void itsTextLeavesTheTokenOut() {
		assertThat(editor("EDITOR")).asString().contains("leyla").doesNotContain("nr_secret");
	}

	private static Editor editor(String role) {
		return new Editor("leyla", "nr_secret", Set.of(role), Instant.parse("2026-11-29T12:00:00Z"));
	}

}
