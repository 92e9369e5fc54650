package dev.newsroom.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The W3C trace context ({@code traceparent}) that follows an editor's request through
 * the topics: Kafka observation puts it on the records a traced producer sends, and the
 * services whose batch listeners observation does not reach carry it over by hand, from
 * the record they read to the records they write.
 */
public final class TraceParents {

	/** The record header, as W3C trace context names it. */
	public static final String HEADER = "traceparent";

	private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

	private TraceParents() {
	}

	/**
	 * @param record a record read from a topic
	 * @return its trace context, or {@code null} if it has none or one that is not W3C's
	 */
	public static @Nullable String of(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(HEADER);
		if (header == null || header.value() == null) {
			return null;
		}
		String value = new String(header.value(), StandardCharsets.US_ASCII);
		return FORMAT.matcher(value).matches() ? value : null;
	}

	/**
	 * @param traceParent a trace context, or {@code null}
	 * @return headers for a record to write: the trace context, if there is one
	 */
	public static Headers headers(@Nullable String traceParent) {
		RecordHeaders headers = new RecordHeaders();
		if (traceParent != null) {
			headers.add(HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
		}
		return headers;
	}

	/**
	 * @param traceParent a trace context, or {@code null}
	 * @return its trace id (32 hexadecimal digits), or {@code null}
	 */
	public static @Nullable String traceId(@Nullable String traceParent) {
		if (traceParent == null) {
			return null;
		}
		var matcher = FORMAT.matcher(traceParent);
		return matcher.matches() ? matcher.group(1) : null;
	}

}
