package dev.newsroom.notifier.dispatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.schemas.Topics;

/**
 * The dispatcher's consumer group on the ledger: passes each record to the
 * {@link Dispatcher}, whose rebalance listener decides which channels this instance
 * works.
 */
@Component
class LedgerListener {

	private final Dispatcher dispatcher;

	LedgerListener(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@KafkaListener(id = "delivery-dispatcher",
			topics = "${newsroom.notifier.deliveries-topic.name:" + Topics.DELIVERIES + "}",
			containerFactory = "ledgerListenerFactory")
	void on(ConsumerRecord<String, Delivery> record) {
		if (record.value() != null) {
			this.dispatcher.offer(record.value());
		}
	}

}
