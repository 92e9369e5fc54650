package dev.newsroom.publisher.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.support.web.ProblemTypes;

/**
 * What the single writer makes of a command: an event to write, a refusal, or nothing to
 * do (a scheduled publication overtaken by a later change).
 */
public sealed interface Decision {

	/**
	 * The command is applied as this event.
	 *
	 * @param event the event
	 * @param status the HTTP status of the answer: 201 for a new article, else 200
	 */
	record Accepted(ArticleEvent event, int status) implements Decision {
	}

	/**
	 * The command is refused; nothing is written.
	 *
	 * @param problem why, as an RFC 9457 problem
	 */
	record Rejected(Problem problem) implements Decision {
	}

	/**
	 * The command no longer applies.
	 *
	 * @param why what overtook it
	 */
	record Ignored(String why) implements Decision {
	}

	/**
	 * An RFC 9457 problem, as the writer answers it.
	 *
	 * @param status the HTTP status
	 * @param type the last segment of the problem type URI under
	 * {@code https://newsroom.dev/problems/}
	 * @param title a short summary
	 * @param detail what went wrong and what to do
	 * @param properties further members, such as the article id
	 */
	record Problem(int status, String type, String title, String detail, Map<String, Object> properties) {

		/** Where the problem types live. */
		public static final String TYPE_BASE = ProblemTypes.BASE;

		Problem with(String name, Object value) {
			Map<String, Object> more = new LinkedHashMap<>(this.properties);
			more.put(name, value);
			return new Problem(this.status, this.type, this.title, this.detail, more);
		}

		/**
		 * @return the problem as the members of its JSON object
		 */
		public Map<String, Object> members() {
			Map<String, Object> members = new LinkedHashMap<>();
			members.put("type", TYPE_BASE + this.type);
			members.put("title", this.title);
			members.put("status", this.status);
			members.put("detail", this.detail);
			members.putAll(this.properties);
			return members;
		}

	}

}
