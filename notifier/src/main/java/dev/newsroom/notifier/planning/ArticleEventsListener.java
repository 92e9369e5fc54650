package dev.newsroom.notifier.planning;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.notification.Delivery;
import dev.newsroom.notifier.ledger.KafkaDeliveryWrites;
import dev.newsroom.notifier.ledger.Ledger;

/**
 * Consumes article events and writes their deliveries to the ledger in one Kafka
 * transaction with the event's offset, so that an event is planned exactly once: a crash
 * before the commit plans it again from scratch, a crash after it finds it consumed. The
 * listener never calls a platform and never waits for one.
 */
public class ArticleEventsListener implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ArticleEventsListener.class);

	private final DeliveryPlanner planner;

	private final Ledger ledger;

	private final KafkaTemplate<String, Delivery> transactional;

	private final String ledgerTopic;

	private final int ledgerPartitions;

	public ArticleEventsListener(DeliveryPlanner planner, Ledger ledger, KafkaTemplate<String, Delivery> transactional,
			String ledgerTopic, int ledgerPartitions) {
		this.planner = planner;
		this.ledger = ledger;
		this.transactional = transactional;
		this.ledgerTopic = ledgerTopic;
		this.ledgerPartitions = ledgerPartitions;
	}

	@KafkaListener(id = "delivery-planner", topics = "${newsroom.notifier.articles-topic}",
			containerFactory = "articleEventsListenerFactory")
	void on(ConsumerRecord<String, ArticleEvent> record, Consumer<?, ?> consumer) {
		ArticleEvent event = record.value();
		if (event == null) {
			return;
		}
		List<Delivery> planned = this.planner.plan(event, (id) -> this.ledger.find(id).isPresent(),
				this.ledger::channelsAnnounced);
		if (planned.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition(record.topic(), record.partition()),
				new OffsetAndMetadata(record.offset() + 1));
		this.transactional.executeInTransaction((operations) -> {
			for (Delivery delivery : planned) {
				operations.send(KafkaDeliveryWrites.record(this.ledgerTopic, this.ledgerPartitions, delivery));
			}
			operations.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
			return null;
		});
		logger.info("Planned {} for article {} v{} ({})", planned.stream().map(Delivery::getDeliveryId).toList(),
				event.getArticle().getId(), event.getArticle().getVersion(), event.getType());
	}

	@Override
	public void destroy() throws Exception {
		if (this.transactional.getProducerFactory() instanceof DisposableBean factory) {
			factory.destroy();
		}
	}

}
