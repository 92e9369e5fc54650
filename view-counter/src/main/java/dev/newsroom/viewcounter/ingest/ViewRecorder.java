package dev.newsroom.viewcounter.ingest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

import dev.newsroom.events.view.PageView;
import dev.newsroom.support.kafka.Acknowledgements;
import dev.newsroom.support.kafka.Acknowledgements.NotAcknowledgedException;
import dev.newsroom.viewcounter.config.ViewCounterProperties;

/**
 * Records page views on the page-views topic, keyed by article id so that each article's
 * views are counted in one partition.
 */
@Service
class ViewRecorder {

	private final KafkaTemplate<String, PageView> kafka;

	private final ViewCounterProperties properties;

	private final Clock clock;

	ViewRecorder(KafkaTemplate<String, PageView> kafka, ViewCounterProperties properties, Clock clock) {
		this.kafka = kafka;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records a view and waits for the broker's acknowledgement.
	 * @param articleId the article viewed
	 * @param visitorId the opaque visitor id
	 * @return the recorded view
	 * @throws ViewNotRecordedException if the broker did not acknowledge it
	 */
	PageView record(String articleId, String visitorId) {
		PageView view = PageView.newBuilder()
			.setViewId(UUID.randomUUID().toString())
			.setArticleId(articleId)
			.setVisitorId(visitorId)
			.setViewedAt(this.clock.instant().truncatedTo(ChronoUnit.MILLIS))
			.build();
		String topic = this.properties.pageViewsTopic().name();
		try {
			Acknowledgements.send(() -> this.kafka.send(topic, articleId, view), this.properties.sendTimeout());
		}
		catch (NotAcknowledgedException ex) {
			throw new ViewNotRecordedException(articleId, topic, ex.getCause());
		}
		return view;
	}

}
