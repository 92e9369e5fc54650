package dev.newsroom.feeds.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;

import dev.newsroom.feeds.catalogue.Catalogue;
import dev.newsroom.feeds.web.InvalidParameterException;

/**
 * One client's stream: where it starts, the past it has to catch up on, then the live
 * events, filtered, each with the id of the position after it.
 * <p>
 * A client that sends {@code Last-Event-ID} resumes right after that event; one that
 * sends {@code since} starts with the first record written at or after that time; one
 * that sends neither starts with the next event. {@code Last-Event-ID} wins over
 * {@code since}, because a browser's {@code EventSource} reconnects to the same URL,
 * {@code since} included, with the id of the last event it got.
 * <p>
 * The first thing a client gets is a comment with the id of its starting position, so
 * that a client disconnected before any event resumes where it began. Then every event is
 * sent exactly once: a record is sent only if it is at or after the client's position in
 * its partition, and each sent record moves the position past it. Records before the
 * head's position come from {@link CatchUp}, the others from the {@link ChangeLogHead
 * head}, so none is missed in between.
 */
class ArticleStream {

	/**
	 * How many events each step between a client's backlog and its connection asks for
	 * ahead: few, so that what a slow client has not read waits in its backlog, where it
	 * is counted, and not in queues along the way.
	 */
	private static final int PREFETCH = 1;

	private final ChangeLogHead head;

	private final CatchUp catchUp;

	private final TopicOffsets offsets;

	private final Catalogue catalogue;

	private final Duration heartbeat;

	ArticleStream(ChangeLogHead head, CatchUp catchUp, TopicOffsets offsets, Catalogue catalogue,
			StreamSettings settings) {
		this.head = head;
		this.catchUp = catchUp;
		this.offsets = offsets;
		this.catalogue = catalogue;
		this.heartbeat = settings.heartbeat();
	}

	/**
	 * @param lastEventId the {@code Last-Event-ID} header, if any
	 * @param since the {@code since} parameter, if any
	 * @param filter the editions and sections asked for
	 * @return the client's events, once its starting position is known
	 * @throws InvalidParameterException for a request that names no position or an
	 * edition that does not exist
	 */
	Mono<Flux<ServerSentEvent<String>>> open(@Nullable String lastEventId, @Nullable String since,
			StreamFilter filter) {
		if (!this.head.isReady() || !this.catalogue.isLoaded()) {
			throw new StreamNotReadyException("the article changes");
		}
		for (String edition : filter.editions()) {
			if (!this.catalogue.exists(edition)) {
				throw new InvalidParameterException("edition",
						"there is no edition '" + edition + "'. Editions with articles: "
								+ this.catalogue.describeEditions() + ". Leave edition out for every edition.");
			}
		}
		Position head = this.head.position();
		Set<Integer> partitions = head.offsets().keySet();
		if (lastEventId != null && !lastEventId.isBlank()) {
			Position resume = Position.parse(lastEventId);
			for (int partition : resume.offsets().keySet()) {
				if (!partitions.contains(partition)) {
					throw new InvalidParameterException("Last-Event-ID",
							"'" + lastEventId + "' names partition " + partition
									+ ", which the stream does not have. Send back the id "
									+ "of the last event received, as it came.");
				}
			}
			Mono<Position> checked = resume.isAtOrBefore(head) ? Mono.just(resume)
					: this.offsets.end(partitions).map((end) -> {
						if (!resume.isAtOrBefore(end)) {
							throw new InvalidParameterException("Last-Event-ID", "'" + lastEventId
									+ "' is past the end of the stream, which is at " + end + ". Send back the id of "
									+ "the last event received; ids from another Newsroom's stream are not valid here.");
						}
						return resume;
					});
			return checked.map((start) -> events(start, filter));
		}
		if (since != null && !since.isBlank()) {
			Instant time = parseSince(since);
			return this.offsets.since(time, partitions, head).map((start) -> events(start, filter));
		}
		return Mono.just(events(null, filter));
	}

	private Flux<ServerSentEvent<String>> events(@Nullable Position start, StreamFilter filter) {
		Flux<ServerSentEvent<String>> events = Flux.using(this.head::join, (joined) -> {
			Position from = (start != null) ? start : joined.position();
			Cursor cursor = new Cursor(from, joined.position().offsets().keySet());
			ServerSentEvent<String> opening = ServerSentEvent.<String>builder()
				.id(cursor.id())
				.comment("newsroom article stream; resuming after this id sends every event after it")
				.build();
			Flux<ChangeRecord> records = Flux.merge(PREFETCH,
					Flux.concat(this.catchUp.read(from, joined.position()), joined.records()), joined.overflow());
			return Flux.just(opening).concatWith(records.handle((record, sink) -> {
				ChangeRecord.PublicEvent event = record.event();
				if (cursor.advance(record) && event != null && filter.accepts(event)) {
					sink.next(ServerSentEvent.builder(event.json()).id(cursor.id()).event(event.name()).build());
				}
			}));
		}, (joined) -> joined.leave().run());
		Flux<ServerSentEvent<String>> heartbeats = Flux.interval(this.heartbeat)
			.onBackpressureDrop()
			.map((tick) -> ServerSentEvent.<String>builder().comment("heartbeat").build());
		// A slow client's stream ends in an error, which closes its connection at once
		// rather than after writes it may never read.
		return Flux.merge(PREFETCH, events, heartbeats);
	}

	private static Instant parseSince(String since) {
		try {
			return Instant.parse(since.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException("since",
					"'" + since + "' is not a time. Give an ISO-8601 instant in UTC, such as 2026-11-29T08:00:00Z.");
		}
	}

	/**
	 * A client's position as its events are sent. Used by one subscriber, one signal at a
	 * time.
	 */
	private static final class Cursor {

		private final Map<Integer, Long> next = new TreeMap<>();

		Cursor(Position start, Set<Integer> partitions) {
			partitions.forEach((partition) -> this.next.put(partition, start.next(partition)));
		}

		/**
		 * @return whether the record is new to the client; if so the position moves past
		 * it
		 */
		boolean advance(ChangeRecord record) {
			long next = this.next.getOrDefault(record.partition(), 0L);
			if (record.offset() < next) {
				return false;
			}
			this.next.put(record.partition(), record.offset() + 1);
			return true;
		}

		String id() {
			return new Position(this.next).toString();
		}

	}

}
