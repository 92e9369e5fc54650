package dev.newsroom.viewcounter.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.newsroom.events.view.PageView;

/**
 * The beacon that article pages call once per view. Accepts JSON, and the same JSON sent
 * as {@code text/plain}, which is what {@code navigator.sendBeacon} sends without a CORS
 * preflight. The visitor is identified by a random first-party cookie, set on the first
 * view; the reader's IP address is never recorded.
 */
@RestController
class BeaconController {

	/** Cookie holding the opaque visitor id. */
	static final String VISITOR_COOKIE = "nr_vid";

	static final URI NOT_RECORDED = URI.create("https://newsroom.dev/problems/view-not-recorded");

	private static final Duration VISITOR_COOKIE_AGE = Duration.ofDays(365);

	private final ViewRecorder recorder;

	BeaconController(ViewRecorder recorder) {
		this.recorder = recorder;
	}

	@PostMapping(path = "/api/views", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RecordedView> record(@Valid @RequestBody RecordView view,
			@CookieValue(name = VISITOR_COOKIE, required = false) @Nullable String visitorCookie,
			HttpServletRequest request) {
		String visitorId = (view.visitorId() != null) ? view.visitorId() : visitorCookie;
		boolean newVisitor = visitorId == null || visitorId.isBlank() || visitorId.length() > 64;
		if (newVisitor) {
			visitorId = UUID.randomUUID().toString();
		}
		PageView recorded = this.recorder.record(view.articleId(), visitorId);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED);
		if (newVisitor) {
			response.header(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(VISITOR_COOKIE, visitorId)
						.path("/")
						.maxAge(VISITOR_COOKIE_AGE)
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite(request.isSecure() ? "None" : "Lax")
						.build()
						.toString());
		}
		return response.body(new RecordedView(recorded.getViewId(), recorded.getArticleId()));
	}

	@ExceptionHandler
	ProblemDetail viewNotRecorded(ViewNotRecordedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The view was not recorded because Kafka did not acknowledge it. Send the beacon again.");
		problem.setType(NOT_RECORDED);
		problem.setTitle("View not recorded");
		return problem;
	}

	/**
	 * The beacon's answer.
	 *
	 * @param viewId id of the recorded view
	 * @param articleId the article viewed
	 */
	record RecordedView(String viewId, String articleId) {
	}

}
