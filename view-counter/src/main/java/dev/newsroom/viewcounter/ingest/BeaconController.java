package dev.newsroom.viewcounter.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
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
import dev.newsroom.events.view.TrafficClass;

/**
 * The beacon that article pages call once per view ({@code /beacon.js} does). Accepts
 * JSON, and the same JSON sent as {@code text/plain}, which is what
 * {@code navigator.sendBeacon} sends without a CORS preflight. It records every beacon
 * with the class of its sender and an opaque visitor id, and answers 202 as soon as the
 * record is in the producer's buffer; the topology decides what counts as a view. The
 * reader's IP address and User-Agent are used to judge and hash, and are never stored.
 */
@RestController
class BeaconController {

	/** Cookie holding the opaque visitor id. */
	static final String VISITOR_COOKIE = "nr_vid";

	static final URI NOT_RECORDED = URI.create("https://newsroom.dev/problems/view-not-recorded");

	static final URI TOO_MANY_BEACONS = URI.create("https://newsroom.dev/problems/too-many-beacons");

	private static final Duration VISITOR_COOKIE_AGE = Duration.ofDays(365);

	private final ViewRecorder recorder;

	private final TrafficClassifier classifier;

	private final VisitorIds visitors;

	private final BeaconRateLimiter limiter;

	private final Clock clock;

	BeaconController(ViewRecorder recorder, TrafficClassifier classifier, VisitorIds visitors,
			BeaconRateLimiter limiter, Clock clock) {
		this.recorder = recorder;
		this.classifier = classifier;
		this.visitors = visitors;
		this.limiter = limiter;
		this.clock = clock;
	}

	@PostMapping(path = "/api/views", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RecordedView> record(@Valid @RequestBody RecordView beacon,
			@CookieValue(name = VISITOR_COOKIE, required = false) @Nullable String visitorCookie,
			@CookieValue(name = TrafficClassifier.STAFF_COOKIE, required = false) @Nullable String staffCookie,
			HttpServletRequest request) {
		String userAgent = Objects.requireNonNullElse(request.getHeader(HttpHeaders.USER_AGENT), "");
		TrafficClass traffic = this.classifier.classify(new TrafficClassifier.BeaconHeaders(userAgent,
				request.getHeader("Sec-Purpose"), request.getHeader("Purpose"), request.getHeader("X-Moz"),
				staffCookie != null || request.getHeader(TrafficClassifier.STAFF_HEADER) != null));
		boolean knownVisitor = VisitorIds.isVisitorId(visitorCookie);
		String visitorId = knownVisitor ? visitorCookie : this.visitors.hash(request.getRemoteAddr(), userAgent);
		if (!this.limiter.tryAcquire(visitorId, request.getRemoteAddr())) {
			throw new TooManyBeaconsException();
		}
		PageView view = PageView.newBuilder()
			.setViewId((beacon.viewId() != null) ? beacon.viewId() : UUID.randomUUID().toString())
			.setArticleId(beacon.articleId())
			.setVisitorId(visitorId)
			.setViewedAt(this.clock.instant().truncatedTo(ChronoUnit.MILLIS))
			.setTraffic(traffic)
			.build();
		this.recorder.record(view);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED);
		if (!knownVisitor && traffic == TrafficClass.READER && !optedOut(request)) {
			// The cookie keeps the day's hash, so the visitor stays one visitor after the
			// salt changes. Behind a TLS proxy, forwarded headers make the request
			// secure.
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
		return response.body(new RecordedView(view.getViewId(), view.getArticleId()));
	}

	/**
	 * Do-Not-Track and Global Privacy Control: the view still counts, but no cookie is
	 * set.
	 */
	private static boolean optedOut(HttpServletRequest request) {
		return "1".equals(request.getHeader("DNT")) || "1".equals(request.getHeader("Sec-GPC"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> viewNotRecorded(ViewNotRecordedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The view was not recorded because Kafka is not taking records now. Send the beacon again later.");
		problem.setType(NOT_RECORDED);
		problem.setTitle("View not recorded");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyBeacons(TooManyBeaconsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many beacons from this visitor or address; a page sends one per view.");
		problem.setType(TOO_MANY_BEACONS);
		problem.setTitle("Too many beacons");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60").body(problem);
	}

	/**
	 * The beacon's answer.
	 *
	 * @param viewId id of the recorded view
	 * @param articleId the article viewed
	 */
	record RecordedView(String viewId, String articleId) {
	}

	/** The visitor or its address sent more beacons than the limit allows. */
	static final class TooManyBeaconsException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooManyBeaconsException() {
			super("Too many beacons");
		}

	}

}
