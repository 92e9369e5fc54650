package dev.newsroom.console.stories;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.newsroom.console.signin.Editor;

/**
 * Live updates over server-sent events, which the pages take in with htmx's SSE
 * extension, with no reload: a story's views and deliveries, and on the stories list each
 * story's views and a notice when stories change, and the story's views-over-time chart
 * and place in most read. The console asks the services every couple of seconds for each
 * open page and sends only what changed.
 */
@Controller
class LiveUpdates {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private static final Duration EVERY = Duration.ofSeconds(2);

	/**
	 * At most this many stories' views are followed on one list page (a page shows 20).
	 */
	private static final int MAX_LIST_VIEWS = 100;

	/** A browser's EventSource connects again after this; htmx does it by itself. */
	private static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);

	private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "console-live");
		thread.setDaemon(true);
		return thread;
	});

	private final ViewCounts views;

	private final Deliveries deliveries;

	private final PublisherApi publisher;

	private final SpringTemplateEngine templates;

	LiveUpdates(ViewCounts views, Deliveries deliveries, PublisherApi publisher, SpringTemplateEngine templates) {
		this.views = views;
		this.deliveries = deliveries;
		this.publisher = publisher;
		this.templates = templates;
	}

	@GetMapping(path = "/live/stories/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter story(@PathVariable String id, @RequestParam(required = false) String edition, CsrfToken csrf) {
		AtomicReference<String> lastViews = new AtomicReference<>();
		AtomicReference<String> lastDeliveries = new AtomicReference<>();
		AtomicReference<String> lastChart = new AtomicReference<>();
		AtomicReference<String> lastRank = new AtomicReference<>();
		return stream("story " + id, (emitter) -> {
			Long count = this.views.of(List.of(id)).get(id);
			send(emitter, "views", (count != null) ? count.toString() : "—", lastViews);
			Context chart = new Context(Locale.ENGLISH);
			chart.setVariable("chart", this.views.byHour(id));
			send(emitter, "chart", this.templates.process("story", Set.of("chart"), chart), lastChart);
			if (edition != null) {
				Context rank = new Context(Locale.ENGLISH);
				rank.setVariable("edition", edition);
				rank.setVariable("rankHour", this.views.rank(edition, "1h", id));
				rank.setVariable("rankDay", this.views.rank(edition, "24h", id));
				send(emitter, "rank", this.templates.process("story", Set.of("rank"), rank), lastRank);
			}
			Context context = new Context(Locale.ENGLISH);
			context.setVariable("deliveries", this.deliveries.of(id));
			context.setVariable("articleId", id);
			context.setVariable("_csrf", csrf);
			send(emitter, "deliveries", this.templates.process("story", Set.of("deliveries"), context), lastDeliveries);
		});
	}

	@GetMapping(path = "/live/stories", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stories(@AuthenticationPrincipal Editor editor, @RequestParam(defaultValue = "") List<String> ids) {
		AtomicReference<String> first = new AtomicReference<>();
		Map<String, AtomicReference<String>> lastViews = new HashMap<>();
		List<String> shown = ids.stream().filter((id) -> !id.isBlank()).limit(MAX_LIST_VIEWS).toList();
		shown.forEach((id) -> lastViews.put(id, new AtomicReference<>()));
		return stream("stories", (emitter) -> {
			// The views of the stories on the page, each to its own cell.
			Map<String, Long> views = shown.isEmpty() ? Map.of() : this.views.of(shown);
			for (String id : shown) {
				Long count = views.get(id);
				send(emitter, "views-" + id, (count != null) ? count.toString() : "—", lastViews.get(id));
			}
			StoryPage latest = this.publisher.search(editor, new StoryFilter(null, null, null, 0));
			String head = latest.total() + " "
					+ latest.stories().stream().findFirst().map((story) -> story.id() + story.updatedAt()).orElse("");
			if (first.compareAndSet(null, head) || Objects.equals(first.get(), head)) {
				return;
			}
			first.set(head);
			emitter.send(SseEmitter.event()
				.name("stories")
				.data("<p class=\"notice\" role=\"status\">Stories changed since this page was shown. "
						+ "<a href=\"/\">Show the latest</a></p>"));
		});
	}

	private SseEmitter stream(String what, Tick tick) {
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		ScheduledFuture<?> task = this.ticks.scheduleWithFixedDelay(() -> {
			try {
				tick.run(emitter);
			}
			catch (IOException | IllegalStateException ex) {
				// The browser went away; its stream ends here.
				emitter.complete();
			}
			catch (RuntimeException ex) {
				logger.warn("Live updates of {} skipped a beat: {}", what, ex.getMessage());
			}
		}, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
		emitter.onCompletion(() -> task.cancel(false));
		emitter.onTimeout(() -> task.cancel(false));
		emitter.onError((ex) -> task.cancel(false));
		return emitter;
	}

	private static void send(SseEmitter emitter, String event, String data, AtomicReference<String> last)
			throws IOException {
		if (!data.equals(last.getAndSet(data))) {
			emitter.send(SseEmitter.event().name(event).data(data));
		}
	}

	@PreDestroy
	void stop() {
		this.ticks.shutdownNow();
	}

	/** What a stream sends at each beat. */
	private interface Tick {

		void run(SseEmitter emitter) throws IOException;

	}

}
