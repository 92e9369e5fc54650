package dev.newsroom.viewcounter.ingest;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import dev.newsroom.events.view.PageView;
import dev.newsroom.events.view.TrafficClass;

/**
 * Hands page views to the producer, keyed by article id so that each article's views are
 * counted in one partition, without waiting for the broker: the beacon answers once the
 * record is in the producer's bounded buffer. A record the broker then refuses is counted
 * ({@code newsroom.beacon.views.lost}) and logged with its article; a full buffer (the
 * broker is slow or away) is refused at once so that the page can send again later.
 */
final class ViewRecorder {

	private static final Logger logger = LoggerFactory.getLogger(ViewRecorder.class);

	private final KafkaTemplate<String, PageView> kafka;

	private final String topic;

	private final Counter lost;

	private final Map<TrafficClass, Counter> received;

	ViewRecorder(KafkaTemplate<String, PageView> kafka, String topic, MeterRegistry meters) {
		this.kafka = kafka;
		this.topic = topic;
		this.lost = Counter.builder("newsroom.beacon.views.lost")
			.description("Page views accepted by the beacon that the broker did not acknowledge")
			.register(meters);
		this.received = new EnumMap<>(TrafficClass.class);
		for (TrafficClass traffic : TrafficClass.values()) {
			this.received.put(traffic,
					Counter.builder("newsroom.views.received")
						.description("Beacons accepted (answered 202), by the class of their sender")
						.tag("traffic", traffic.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
	}

	/**
	 * Sends a view without waiting for the broker.
	 * @param view the view
	 * @throws ViewNotRecordedException if the producer's buffer is full or the producer
	 * refused the record at once
	 */
	void record(PageView view) {
		CompletableFuture<SendResult<String, PageView>> sent;
		try {
			sent = this.kafka.send(this.topic, view.getArticleId(), view);
		}
		catch (RuntimeException ex) {
			throw new ViewNotRecordedException(view.getArticleId(), this.topic, ex);
		}
		if (sent.isCompletedExceptionally()) {
			// The producer fails a send at once when its buffer stayed full for
			// max.block.ms.
			throw new ViewNotRecordedException(view.getArticleId(), this.topic, failureOf(sent));
		}
		this.received.get(view.getTraffic()).increment();
		sent.whenComplete((result, failure) -> {
			if (failure != null) {
				this.lost.increment();
				logger.warn("A view of article {} was accepted but not recorded on {}: {}", view.getArticleId(),
						this.topic, failure.getMessage());
			}
		});
	}

	private static Throwable failureOf(CompletableFuture<?> sent) {
		try {
			sent.get();
			return new TimeoutException("the send failed");
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex;
		}
	}

}
