package dev.newsroom.publisher.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.newsroom.publisher.catalogue.Catalogue;
import dev.newsroom.publisher.catalogue.RequestLog;
import dev.newsroom.publisher.lifecycle.ArticleCommand;
import dev.newsroom.publisher.lifecycle.ArticleDecider;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.publisher.lifecycle.CommandEnvelope;
import dev.newsroom.publisher.lifecycle.CommandGateway;
import dev.newsroom.publisher.lifecycle.CommandNotAppliedException;
import dev.newsroom.publisher.catalogue.CommandReply;
import dev.newsroom.publisher.lifecycle.Decision;
import dev.newsroom.publisher.lifecycle.Decision.Problem;
import dev.newsroom.publisher.lifecycle.IdempotencyProblems;
import dev.newsroom.publisher.catalogue.RememberedRequest;
import dev.newsroom.publisher.security.Editor;
import dev.newsroom.publisher.security.Role;
import dev.newsroom.support.web.FieldError;
import dev.newsroom.support.web.InvalidRequestException;

/**
 * The editors' API for changing articles: create (as a draft, published now, or
 * scheduled), update, publish, schedule, cancel a schedule, unpublish. Each request is
 * validated and sanitised here, then applied by the single writer of the article's
 * partition, whose answer becomes the HTTP answer. Every write takes an
 * {@code Idempotency-Key}; every change to an existing article needs {@code If-Match}
 * with the version it was made against.
 */
@RestController
@RequestMapping(path = "/api/articles",
		produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class ArticleController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Logger logger = LoggerFactory.getLogger(ArticleController.class);

	private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,255}");

	private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

	private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(365);

	private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(2);

	private final CommandGateway gateway;

	private final ArticleDecider decider;

	private final Catalogue catalogue;

	private final RequestLog requests;

	private final JsonMapper json;

	private final Clock clock;

	ArticleController(CommandGateway gateway, ArticleDecider decider, Catalogue catalogue, RequestLog requests,
			JsonMapper json, Clock clock) {
		this.gateway = gateway;
		this.decider = decider;
		this.catalogue = catalogue;
		this.requests = requests;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> create(@Valid @RequestBody ArticleRequest article, Editor editor,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key, HttpServletRequest request) {
		boolean draft = Boolean.TRUE.equals(article.draft());
		Instant now = this.clock.instant();
		List<FieldError> errors = new ArrayList<>();
		if (draft && article.publishAt() != null) {
			errors.add(new FieldError("publishAt", "a draft cannot be scheduled; leave out draft or publishAt"));
		}
		checkPublishAt(article.publishAt(), "publishAt", now, errors);
		ArticleCommand.Content content = content(article, errors);
		if (article.change() != null) {
			errors.add(new FieldError("change", "only for an update of a published article"));
		}
		failIfAny(errors);
		if (!draft && !editor.has(Role.EDITOR)) {
			throw new ForbiddenException("Only an editor may publish or schedule an article. "
					+ "Writers create drafts: send \"draft\": true, and ask an editor to publish it.");
		}
		String id = ArticleDecider.articleIdFor(content.edition(), content.slug());
		return write(new ArticleCommand.Create(id, content, article.publishAt(), draft), editor, key, null, request,
				article);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> update(@PathVariable String id, @Valid @RequestBody ArticleRequest article, Editor editor,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key, HttpServletRequest request) {
		long version = expectedVersion(ifMatch);
		List<FieldError> errors = new ArrayList<>();
		ArticleCommand.Content content = content(article, errors);
		if (article.draft() != null || article.publishAt() != null) {
			errors.add(new FieldError((article.draft() != null) ? "draft" : "publishAt",
					"only on create; use POST /api/articles/{id}/publish or PUT /api/articles/{id}/schedule"));
		}
		ArticleCommand.Change change = null;
		if (article.change() != null) {
			boolean correction = "correction".equals(article.change().kind());
			if (correction && article.change().note() == null) {
				errors.add(new FieldError("change.note", "a correction needs the note readers will see"));
			}
			change = new ArticleCommand.Change(
					correction ? ArticleCommand.Change.Kind.CORRECTION : ArticleCommand.Change.Kind.SILENT_FIX,
					correction ? article.change().note() : null);
		}
		failIfAny(errors);
		return write(new ArticleCommand.Revise(id, version, content, change), editor, key, ifMatch, request, article);
	}

	@PostMapping("/{id}/publish")
	ResponseEntity<String> publish(@PathVariable String id, Editor editor,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key, HttpServletRequest request) {
		requireEditor(editor, "publish an article");
		return write(new ArticleCommand.Publish(id, expectedVersion(ifMatch)), editor, key, ifMatch, request, null);
	}

	@PutMapping(path = "/{id}/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> schedule(@PathVariable String id, @Valid @RequestBody ScheduleRequest schedule,
			Editor editor, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key, HttpServletRequest request) {
		long version = expectedVersion(ifMatch);
		List<FieldError> errors = new ArrayList<>();
		checkPublishAt(schedule.publishAt(), "publishAt", this.clock.instant(), errors);
		failIfAny(errors);
		requireEditor(editor, "schedule an article");
		return write(new ArticleCommand.Schedule(id, version, schedule.publishAt()), editor, key, ifMatch, request,
				schedule);
	}

	@DeleteMapping("/{id}/schedule")
	ResponseEntity<String> cancelSchedule(@PathVariable String id, Editor editor,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key, HttpServletRequest request) {
		long version = expectedVersion(ifMatch);
		requireEditor(editor, "cancel a scheduled publication");
		return write(new ArticleCommand.CancelSchedule(id, version), editor, key, ifMatch, request, null);
	}

	@PostMapping(path = "/{id}/unpublish", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> unpublish(@PathVariable String id, @Valid @RequestBody UnpublishRequest unpublish,
			Editor editor, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key, HttpServletRequest request) {
		long version = expectedVersion(ifMatch);
		requireEditor(editor, "unpublish an article");
		return write(new ArticleCommand.Unpublish(id, version, unpublish.reason().strip()), editor, key, ifMatch,
				request, unpublish);
	}

	private ResponseEntity<String> write(ArticleCommand command, Editor editor, @Nullable String key,
			@Nullable String ifMatch, HttpServletRequest request, @Nullable Object body) {
		Instant now = this.clock.instant();
		String fingerprint = null;
		if (key != null) {
			if (!KEY.matcher(key).matches()) {
				throw new InvalidRequestException(IDEMPOTENCY_KEY,
						"must be 1 to 255 visible ASCII characters, such as a UUID");
			}
			fingerprint = fingerprint(request, ifMatch, body);
			// Any instance answers a retry it already knows; the writer checks again, so
			// that two retries racing on different instances still write once.
			Optional<RememberedRequest> seen = this.requests.find(editor.name(), key, now);
			if (seen.isPresent()) {
				return seen.get().fingerprint().equals(fingerprint) ? answer(seen.get().reply())
						: answer(IdempotencyProblems.keyReused(key, seen.get().articleId()));
			}
		}
		Problem refused = refusedLocally(command, editor, now);
		if (refused != null) {
			return answer(refused);
		}
		CommandReply reply = this.gateway.request(command, editor.name(), editor.has(Role.EDITOR), key, fingerprint,
				now);
		if (reply.status() < 300 && reply.headers().containsKey(HttpHeaders.ETAG)) {
			awaitReadable(command.articleId(), reply);
		}
		return answer(reply);
	}

	/**
	 * Refuses a command that the writer would certainly refuse too, without sending it:
	 * the article is known here at the version the editor changed or later, and versions
	 * only grow, so the writer can only refuse it as well. Anything else goes to the
	 * writer, whose view is never behind.
	 */
	private @Nullable Problem refusedLocally(ArticleCommand command, Editor editor, Instant now) {
		ArticleEvent current = this.catalogue.get(command.articleId()).orElse(null);
		if (current == null) {
			return null;
		}
		if (command instanceof ArticleCommand.Versioned versioned
				&& current.getArticle().getVersion() < versioned.expectedVersion()) {
			return null;
		}
		CommandEnvelope envelope = new CommandEnvelope("local", editor.name(), editor.has(Role.EDITOR), null, null,
				null, -1, command);
		return (this.decider.decide(current, null, envelope, now) instanceof Decision.Rejected rejected)
				? rejected.problem() : null;
	}

	private void awaitReadable(String id, CommandReply reply) {
		long version = Long.parseLong(reply.headers().get(HttpHeaders.ETAG).replace("\"", ""));
		try {
			this.catalogue.awaitVersion(id, version, READ_YOUR_WRITES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ResponseEntity<String> answer(CommandReply reply) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(reply.status())
			.contentType(MediaType.parseMediaType(reply.contentType()));
		reply.headers().forEach((name, value) -> response.header(name, value));
		return response.body(reply.body());
	}

	private ResponseEntity<String> answer(Problem problem) {
		return ResponseEntity.status(problem.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.json.writeValueAsString(problem.members()));
	}

	private String fingerprint(HttpServletRequest request, @Nullable String ifMatch, @Nullable Object body) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(
					(request.getMethod() + " " + request.getRequestURI() + "\n" + Objects.toString(ifMatch, "") + "\n")
						.getBytes(StandardCharsets.UTF_8));
			if (body != null) {
				sha.update(this.json.writeValueAsBytes(body));
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static long expectedVersion(@Nullable String ifMatch) {
		if (ifMatch == null) {
			throw new PreconditionRequiredException();
		}
		java.util.regex.Matcher matcher = VERSION.matcher(ifMatch.strip());
		if (!matcher.matches()) {
			throw new InvalidRequestException(HttpHeaders.IF_MATCH,
					"must be the article's version as its ETag gives it, such as \"3\"");
		}
		return Long.parseLong(matcher.group(1));
	}

	private static void checkPublishAt(@Nullable Instant publishAt, String field, Instant now,
			List<FieldError> errors) {
		if (publishAt == null) {
			return;
		}
		if (!publishAt.isAfter(now)) {
			errors.add(new FieldError(field, "must be in the future (it is " + now + " now)"));
		}
		else if (publishAt.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
			errors.add(new FieldError(field, "must be at most a year ahead"));
		}
	}

	private static ArticleCommand.Content content(ArticleRequest article, List<FieldError> errors) {
		String body = BodySanitizer.sanitize(article.body());
		if (!BodySanitizer.hasContent(body)) {
			errors.add(new FieldError("body", "has no text or image once unsafe HTML is removed"));
		}
		List<ArticleCommand.Byline> authors = Objects
			.requireNonNullElse(article.authors(), List.<ArticleRequest.Byline>of())
			.stream()
			.map((byline) -> new ArticleCommand.Byline(byline.name().strip(), byline.profileUrl()))
			.toList();
		List<String> tags = Objects.requireNonNullElse(article.tags(), List.<String>of())
			.stream()
			.map(String::strip)
			.toList();
		ArticleRequest.HeroImage image = article.heroImage();
		return new ArticleCommand.Content(article.edition(), article.section(), article.slug(), article.title().strip(),
				article.lead().strip(), body, authors, tags,
				(image != null)
						? new ArticleCommand.HeroImage(image.url(), strip(image.caption()), strip(image.credit()))
						: null,
				Boolean.TRUE.equals(article.breaking()));
	}

	private static @Nullable String strip(@Nullable String text) {
		return (text != null) ? text.strip() : null;
	}

	private static void failIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

	private static void requireEditor(Editor editor, String action) {
		if (!editor.has(Role.EDITOR)) {
			throw new ForbiddenException("Only an editor may " + action + ". Ask an editor.");
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notApplied(CommandNotAppliedException ex) {
		if (ex.isTransient()) {
			logger.warn("Article {} not changed, answering 503: {}", ex.articleId(), ex.getMessage());
			String detail = ex.timedOut()
					? "The change was not confirmed in time. It was not applied unless the confirmation alone was late; "
							+ "send the same request again with the same Idempotency-Key to be sure it is applied once."
					: "Kafka is unavailable, so nothing was written. Try again shortly.";
			ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "not-applied", "Change not applied",
					detail);
			problem.setProperty("articleId", ex.articleId());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "2")
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		logger.error("Article {} cannot be changed: {}", ex.articleId(), ex.getMessage(), ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "not-applied", "Change refused by Kafka",
				"Kafka refused the change for a reason retrying will not fix: " + ex.getCause().getMessage()
						+ ". Nothing was written; an operator must look at the publisher's log.");
		problem.setProperty("articleId", ex.articleId());
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException ex) {
		return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
					ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage());
		problem.setProperty("requiredRole", Role.EDITOR.name());
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(java.net.URI.create(Problem.TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	/** A change to an existing article came without {@code If-Match}. */
	static final class PreconditionRequiredException extends RuntimeException {

		PreconditionRequiredException() {
			super("Send If-Match with the version you changed, as GET /api/articles/{id} gives it in its ETag, "
					+ "such as If-Match: \"3\". It keeps you from overwriting someone else's change.");
		}

	}

	/** The editor lacks the role for an action. */
	static final class ForbiddenException extends RuntimeException {

		ForbiddenException(String message) {
			super(message);
		}

	}

}
