package dev.newsroom.viewcounter.ingest;

import java.io.IOException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link RecordView} from a {@code text/plain} body holding JSON, the content
 * type {@code navigator.sendBeacon} uses for a string. Read-only.
 */
@Component
class PlainTextJsonConverter extends AbstractHttpMessageConverter<RecordView> {

	private final JsonMapper json;

	PlainTextJsonConverter(JsonMapper json) {
		super(MediaType.TEXT_PLAIN);
		this.json = json;
	}

	@Override
	protected boolean supports(Class<?> type) {
		return RecordView.class == type;
	}

	@Override
	protected boolean canWrite(MediaType mediaType) {
		return false;
	}

	@Override
	protected RecordView readInternal(Class<? extends RecordView> type, HttpInputMessage input) throws IOException {
		try {
			return this.json.readValue(input.getBody(), type);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("JSON parse error: " + ex.getOriginalMessage(), ex, input);
		}
	}

	@Override
	protected void writeInternal(RecordView view, HttpOutputMessage output) {
		throw new IllegalStateException("PlainTextJsonConverter only reads beacons; canWrite is false");
	}

}
