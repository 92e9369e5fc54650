package dev.newsroom.notifier.deliveries;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.support.web.InvalidRequestException;
import dev.newsroom.notifier.ledger.Ledger;
import dev.newsroom.notifier.ledger.LedgerUnavailableException;
import dev.newsroom.notifier.routing.Channels;

/**
 * The deliveries API: what happened to an article on every channel, and the editor's
 * retry, cancel, resolve and resume. Any instance answers, from its view of the ledger.
 */
@RestController
class DeliveriesController {

	static final int MAX_BATCH = 100;

	private final Ledger ledger;

	private final EditorCommands commands;

	private final Channels channels;

	DeliveriesController(Ledger ledger, EditorCommands commands, Channels channels) {
		this.ledger = ledger;
		this.commands = commands;
		this.channels = channels;
	}

	@GetMapping("/api/articles/{articleId}/deliveries")
	List<DeliveryView> deliveries(@PathVariable String articleId) {
		return this.ledger.ofArticle(articleId).stream().map(DeliveryView::of).toList();
	}

	/**
	 * The deliveries of several articles at once, for list pages:
	 * {@code ?articleIds=a,b}, at most {@value #MAX_BATCH}; an article with none has an
	 * empty list.
	 */
	@GetMapping("/api/deliveries")
	Map<String, List<DeliveryView>> deliveriesOf(@RequestParam List<String> articleIds) {
		List<String> ids = articleIds.stream().map(String::strip).filter((id) -> !id.isEmpty()).distinct().toList();
		if (ids.isEmpty() || ids.size() > MAX_BATCH) {
			throw new InvalidRequestException("articleIds",
					"must name from 1 to " + MAX_BATCH + " article ids, not " + ids.size());
		}
		Map<String, List<DeliveryView>> deliveries = new LinkedHashMap<>();
		ids.forEach((id) -> deliveries.put(id, deliveries(id)));
		return deliveries;
	}

	@PostMapping("/api/articles/{articleId}/deliveries/{deliveryId}/retry")
	ResponseEntity<DeliveryView> retry(@PathVariable String articleId, @PathVariable String deliveryId,
			Authentication editor) {
		return ResponseEntity.accepted()
			.body(DeliveryView.of(this.commands.retry(articleId, deliveryId, editor.getName())));
	}

	@PostMapping("/api/articles/{articleId}/deliveries/{deliveryId}/cancel")
	ResponseEntity<DeliveryView> cancel(@PathVariable String articleId, @PathVariable String deliveryId,
			Authentication editor) {
		return ResponseEntity.accepted()
			.body(DeliveryView.of(this.commands.cancel(articleId, deliveryId, editor.getName())));
	}

	/**
	 * An editor's answer to an uncertain delivery (or one left to an editor):
	 * {@code POSTED} with the post's link (and its id where the link does not carry it),
	 * or {@code NOT_POSTED}, which posts it again, as a retry does.
	 */
	@PostMapping("/api/articles/{articleId}/deliveries/{deliveryId}/resolve")
	ResponseEntity<DeliveryView> resolve(@PathVariable String articleId, @PathVariable String deliveryId,
			@RequestBody Resolution resolution, Authentication editor) {
		Delivery resolved = switch (resolution.outcome()) {
			case POSTED -> this.commands.resolvePosted(articleId, deliveryId, resolution.postUrl(),
					resolution.externalId(), editor.getName());
			case NOT_POSTED -> this.commands.retry(articleId, deliveryId, editor.getName());
		};
		return ResponseEntity.accepted().body(DeliveryView.of(resolved));
	}

	@GetMapping("/api/channels")
	List<ChannelView> channels() {
		return this.channels.all().stream().map((configured) -> ChannelView.of(configured, this.ledger)).toList();
	}

	@PostMapping("/api/channels/{channel}/resume")
	ResponseEntity<List<DeliveryView>> resume(@PathVariable String channel, Authentication editor) {
		return ResponseEntity.accepted()
			.body(this.commands.resume(channel, editor.getName()).stream().map(DeliveryView::of).toList());
	}

	@ExceptionHandler
	ProblemDetail notFound(DeliveryNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "No such delivery", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidResolution(InvalidResolutionException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Resolution incomplete", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail refused(DeliveryCommandRefusedException ex) {
		return problem(HttpStatus.CONFLICT, "Not possible in this state", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(LedgerUnavailableException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Ledger unavailable",
				ex.getMessage() + ". Nothing changed: try again shortly.");
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI
			.create("https://newsroom.dev/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')));
		return problem;
	}

}
