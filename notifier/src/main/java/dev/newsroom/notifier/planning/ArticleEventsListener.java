package dev.newsroom.notifier.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.notification.Delivery;
import dev.newsroom.events.notification.DeliveryAction;
import dev.newsroom.notifier.ledger.KafkaDeliveryWrites;
import dev.newsroom.notifier.ledger.Ledger;
import dev.newsroom.schemas.Topics;
import dev.newsroom.support.kafka.TraceParents;

/**
 * Consumes article events in batches and writes their deliveries to the ledger in one
 * Kafka transaction with the batch's offsets, so that an event is planned exactly once: a
 * crash before the commit plans it again from scratch, a crash after it finds it
 * consumed. The listener never calls a platform and never waits for one.
 */
public class ArticleEventsListener implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ArticleEventsListener.class);

	private static final LogAccessor LOG = new LogAccessor(ArticleEventsListener.class);

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

	@KafkaListener(id = "delivery-planner", topics = "${newsroom.notifier.articles-topic:" + Topics.ARTICLES + "}",
			containerFactory = "articleEventsListenerFactory", batch = "true")
	void on(List<ConsumerRecord<String, ArticleEvent>> records, Consumer<?, ?> consumer) {
		List<Delivery> planned = new ArrayList<>();
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			ConsumerRecord<String, ArticleEvent> record = records.get(i);
			DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
					KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
			if (unreadable != null) {
				// Plan what came before; the error handler dead-letters this one (or
				// retries it, if the registry was only away) and goes on after it.
				commit(planned, offsets, consumer);
				throw new BatchListenerFailedException("Article event " + record.topic() + "-" + record.partition()
						+ "@" + record.offset() + " cannot be read", unreadable, record);
			}
			if (record.value() != null) {
				String traceParent = TraceParents.of(record);
				this.planner
					.plan(record.value(),
							(id) -> this.ledger.find(id).isPresent()
									|| planned.stream().anyMatch((delivery) -> delivery.getDeliveryId().equals(id)),
							(article) -> announcedOn(article, planned))
					.forEach((delivery) -> planned.add((traceParent != null)
							? Delivery.newBuilder(delivery).setTraceParent(traceParent).build() : delivery));
			}
			offsets.put(new TopicPartition(record.topic(), record.partition()),
					new OffsetAndMetadata(record.offset() + 1));
		}
		commit(planned, offsets, consumer);
	}

	/**
	 * The channels an article was announced on: in the ledger, or earlier in the batch.
	 */
	private Set<String> announcedOn(String articleId, List<Delivery> planned) {
		Set<String> channels = new LinkedHashSet<>(this.ledger.channelsAnnounced(articleId));
		for (Delivery delivery : planned) {
			if (delivery.getArticleId().equals(articleId) && delivery.getAction() == DeliveryAction.ANNOUNCE) {
				channels.add(delivery.getChannel());
			}
		}
		return channels;
	}

	/**
	 * Writes a batch's deliveries and its offsets in one transaction: the events count as
	 * consumed only with their deliveries on the ledger.
	 */
	private void commit(List<Delivery> planned, Map<TopicPartition, OffsetAndMetadata> offsets,
			Consumer<?, ?> consumer) {
		if (offsets.isEmpty()) {
			return;
		}
		this.transactional.executeInTransaction((operations) -> {
			for (Delivery delivery : planned) {
				operations.send(KafkaDeliveryWrites.record(this.ledgerTopic, this.ledgerPartitions, delivery));
			}
			operations.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
			return null;
		});
		if (!planned.isEmpty()) {
			logger.info("Planned {}", planned.stream().map(Delivery::getDeliveryId).toList());
		}
		planned.clear();
		offsets.clear();
	}

	@Override
	public void destroy() throws Exception {
		if (this.transactional.getProducerFactory() instanceof DisposableBean factory) {
			factory.destroy();
		}
	}

}
