package dev.newsroom.feeds.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.schemas.serde.SpecificAvroDeserializer;

/**
 * Turns records of the streamed topic into {@link ChangeRecord}s. A record that cannot be
 * read (not Avro, or a schema the registry does not have) is logged with its partition
 * and offset, counted in {@code newsroom.feeds.stream.unreadable}, and passed over: it is
 * the writer's to fix, and every reader after it still gets the events that follow. A
 * registry that cannot be reached is not a reason to pass over anything: its
 * {@link dev.newsroom.schemas.serde.SchemaRegistryUnavailableException} goes to the
 * caller, which reads the record again later.
 */
class ChangeReader {

	private static final Logger logger = LoggerFactory.getLogger(ChangeReader.class);

	private final SpecificAvroDeserializer<ArticleEvent> events;

	private final PublicEvents publicEvents;

	private final Counter unreadable;

	ChangeReader(SpecificAvroDeserializer<ArticleEvent> events, PublicEvents publicEvents, MeterRegistry meters) {
		this.events = events;
		this.publicEvents = publicEvents;
		this.unreadable = Counter.builder("newsroom.feeds.stream.unreadable")
			.description("Records of the streamed topic that could not be read and were passed over")
			.register(meters);
	}

	ChangeRecord read(ConsumerRecord<String, byte[]> record) {
		ArticleEvent event;
		try {
			event = this.events.deserialize(record.topic(), record.value());
		}
		catch (SerializationException ex) {
			logger.warn("Passed over the record at {}-{} offset {}, which cannot be read: {}", record.topic(),
					record.partition(), record.offset(), ex.getMessage());
			this.unreadable.increment();
			return new ChangeRecord(record.partition(), record.offset(), null);
		}
		return new ChangeRecord(record.partition(), record.offset(),
				(event != null) ? this.publicEvents.render(event) : null);
	}

}
