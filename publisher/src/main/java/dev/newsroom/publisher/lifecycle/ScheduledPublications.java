package dev.newsroom.publisher.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

import dev.newsroom.events.article.Article;
import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleStatus;
import dev.newsroom.publisher.catalogue.Catalogue;

/**
 * Publishes scheduled articles when their time comes. The instance that owns an article's
 * partition keeps a timer for it; when the timer fires it sends a
 * {@link ArticleCommand.PublishDue} command, which the writer applies like any other, so
 * a timer that fires twice, or on an instance that has just lost the partition, does no
 * harm. Schedules live only in the articles topic: an instance that takes over a
 * partition, also at start, arms a timer for each of its scheduled articles, and one
 * whose time has passed fires at once.
 */
public final class ScheduledPublications implements DisposableBean {

	/** The actor of the events of scheduled publications. */
	public static final String ACTOR = "newsroom-scheduler";

	private static final Logger logger = LoggerFactory.getLogger(ScheduledPublications.class);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final Catalogue catalogue;

	private final CommandGateway gateway;

	private final Clock clock;

	private final int partitions;

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "publisher-schedules");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param catalogue the catalogue, to find the scheduled articles
	 * @param gateway where due publications are sent
	 * @param clock the clock
	 * @param partitions the number of partitions of the articles topic
	 */
	public ScheduledPublications(Catalogue catalogue, CommandGateway gateway, Clock clock, int partitions) {
		this.catalogue = catalogue;
		this.gateway = gateway;
		this.clock = clock;
		this.partitions = partitions;
	}

	/**
	 * Arms the timers of the scheduled articles in partitions this instance now owns.
	 * @param partitions the partitions
	 */
	void owned(Collection<Integer> partitions) {
		this.owned.addAll(partitions);
		this.catalogue.withStatus(ArticleStatus.SCHEDULED)
			.filter((event) -> partitions.contains(partitionOf(event.getArticle().getId())))
			.forEach(this::committed);
	}

	/**
	 * Disarms the timers of partitions this instance no longer owns.
	 * @param partitions the partitions
	 */
	void released(Collection<Integer> partitions) {
		this.owned.removeAll(partitions);
		this.timers.entrySet().removeIf((timer) -> {
			boolean release = partitions.contains(partitionOf(timer.getKey()));
			if (release) {
				timer.getValue().cancel(false);
			}
			return release;
		});
	}

	/**
	 * Arms, moves or disarms an article's timer after the writer committed an event.
	 * @param event the event
	 */
	void committed(ArticleEvent event) {
		Article article = event.getArticle();
		if (!this.owned.contains(partitionOf(article.getId()))) {
			return;
		}
		if (article.getStatus() == ArticleStatus.SCHEDULED && article.getPublishAt() != null) {
			arm(article.getId(), article.getVersion(), article.getPublishAt());
		}
		else {
			ScheduledFuture<?> timer = this.timers.remove(article.getId());
			if (timer != null) {
				timer.cancel(false);
			}
		}
	}

	private void arm(String id, long version, Instant publishAt) {
		long delay = Math.max(0, Duration.between(this.clock.instant(), publishAt).toMillis());
		ScheduledFuture<?> previous = this.timers.put(id,
				this.timer.schedule(() -> fire(id, version, publishAt), delay, TimeUnit.MILLISECONDS));
		if (previous != null) {
			previous.cancel(false);
		}
	}

	private void fire(String id, long version, Instant publishAt) {
		this.gateway.tell(new ArticleCommand.PublishDue(id, version), ACTOR).whenComplete((sent, failure) -> {
			if (failure != null) {
				logger.warn("Could not send the scheduled publication of article {} (due {}); retrying in {}: {}", id,
						publishAt, RETRY, failure.getMessage());
				this.timers.computeIfPresent(id, (key, timer) -> this.timer.schedule(() -> fire(id, version, publishAt),
						RETRY.toMillis(), TimeUnit.MILLISECONDS));
			}
		});
	}

	/**
	 * @return how many timers are armed
	 */
	public int armed() {
		return this.timers.size();
	}

	private int partitionOf(String articleId) {
		return Partitions.of(articleId, this.partitions);
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

}
