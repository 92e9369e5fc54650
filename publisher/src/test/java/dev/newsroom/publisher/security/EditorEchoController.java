package dev.newsroom.publisher.security;

import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller as the domain's are written: it takes an {@link Editor} and answers who it
 * is. A test component, so that only the tests that import it have it.
 */
@TestComponent
@RestController
class EditorEchoController {

	@GetMapping("/api/test/editor")
	Map<String, Object> editor(Editor editor) {
		return Map.of("name", editor.name(), "roles", editor.roles(), "mayPublish", editor.has(Role.EDITOR));
	}

	@PostMapping("/api/test/publishing")
	Map<String, Object> publish(Editor editor) {
		editor.require(Role.EDITOR);
		return editor(editor);
	}

}
