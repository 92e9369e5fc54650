package dev.newsroom.publisher.publishing;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editors' API for publishing articles.
 */
@RestController
@RequestMapping(path = "/api/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class ArticleController {

	/**
	 * Header naming the editor who acts; without it the actor is {@value #DEFAULT_ACTOR}.
	 */
	static final String EDITOR_HEADER = "X-Newsroom-Editor";

	static final String DEFAULT_ACTOR = "api";

	static final URI NOT_PUBLISHED = URI.create("https://newsroom.dev/problems/article-not-published");

	private final ArticlePublisher publisher;

	ArticleController(ArticlePublisher publisher) {
		this.publisher = publisher;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PublishedArticle> publish(@Valid @RequestBody PublishArticle article,
			@RequestHeader(name = EDITOR_HEADER, required = false) @Nullable @Pattern(regexp = "[\\w.@-]{1,100}",
					message = "must be 1 to 100 letters, digits, '.', '@', '_' or '-'") String editor) {
		PublishedArticle published = this.publisher.publish(article, (editor != null) ? editor : DEFAULT_ACTOR);
		return ResponseEntity.status(HttpStatus.CREATED).body(published);
	}

	@ExceptionHandler
	ProblemDetail articleNotPublished(ArticleNotPublishedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Kafka did not acknowledge the article in time, so it may not have been published. "
						+ "Try again; if it keeps failing, check the broker and the schema registry.");
		problem.setType(NOT_PUBLISHED);
		problem.setTitle("Article not published");
		problem.setProperty("articleId", ex.articleId());
		problem.setProperty("topic", ex.topic());
		return problem;
	}

}
