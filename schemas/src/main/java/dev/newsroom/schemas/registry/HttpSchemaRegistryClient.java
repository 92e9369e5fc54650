package dev.newsroom.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SchemaRegistryClient} over HTTP, speaking Confluent's REST API v1. Answers that
 * cannot change (schema by id, id of a schema under a subject) are cached for the life of
 * the client, so that a serde asks the registry once per schema, not once per record.
 * With several registry URLs, a request that cannot reach one tries the next.
 */
public class HttpSchemaRegistryClient implements SchemaRegistryClient {

	static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<URI> baseUris;

	private final String authorization;

	private final HttpClient http;

	private final Duration timeout;

	private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

	private final Map<SubjectSchema, RegisteredSchema> registrations = new ConcurrentHashMap<>();

	private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();

	/**
	 * Creates a client for one or more registry URLs.
	 * @param urls the registry base URLs, such as {@code http://localhost:8081}
	 * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or
	 * {@code null} or blank for none
	 * @param timeout how long one request may take
	 */
	public HttpSchemaRegistryClient(List<String> urls, String basicAuthUserInfo, Duration timeout) {
		if (urls == null || urls.isEmpty()) {
			throw new IllegalArgumentException(
					"No schema registry URL given: set schema.registry.url, " + "for example to http://localhost:8081");
		}
		this.baseUris = urls.stream().map(HttpSchemaRegistryClient::baseUri).toList();
		this.authorization = (basicAuthUserInfo != null && !basicAuthUserInfo.isBlank())
				? "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8))
				: null;
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/**
	 * Creates a client for one registry URL, with HTTP basic authentication.
	 * @param url the registry base URL
	 * @param basicAuthUserInfo {@code user:password}, or {@code null} or blank for none
	 */
	public HttpSchemaRegistryClient(String url, String basicAuthUserInfo) {
		this(List.of(url), basicAuthUserInfo, Duration.ofSeconds(30));
	}

	/**
	 * Creates a client for one registry URL, without authentication: enough for reads,
	 * while a registry that requires authentication refuses changes.
	 * @param url the registry base URL
	 */
	public HttpSchemaRegistryClient(String url) {
		this(url, null);
	}

	private static URI baseUri(String url) {
		String trimmed = url.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		try {
			URI uri = URI.create(trimmed);
			if (uri.getScheme() == null || uri.getHost() == null) {
				throw new IllegalArgumentException("missing scheme or host");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Schema registry URL '" + url
					+ "' is not an absolute http(s) URL such as http://localhost:8081: " + ex.getMessage(), ex);
		}
	}

	@Override
	public int register(String subject, Schema schema) {
		SubjectSchema key = new SubjectSchema(subject, schema);
		Integer cached = this.registeredIds.get(key);
		if (cached != null) {
			return cached;
		}
		JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaRequest(schema));
		int id = answer.path("id").asInt();
		this.registeredIds.put(key, id);
		this.schemasById.putIfAbsent(id, schema);
		return id;
	}

	@Override
	public RegisteredSchema lookup(String subject, Schema schema) {
		SubjectSchema key = new SubjectSchema(subject, schema);
		RegisteredSchema cached = this.registrations.get(key);
		if (cached != null) {
			return cached;
		}
		RegisteredSchema found = registered(
				send("POST", "/subjects/" + encode(subject) + "?deleted=false", schemaRequest(schema)));
		this.registrations.put(key, found);
		this.schemasById.putIfAbsent(found.id(), found.schema());
		return found;
	}

	@Override
	public Schema getById(int id) {
		Schema cached = this.schemasById.get(id);
		if (cached != null) {
			return cached;
		}
		Schema schema = parse(send("GET", "/schemas/ids/" + id, null).path("schema").asString());
		this.schemasById.put(id, schema);
		return schema;
	}

	@Override
	public RegisteredSchema getVersion(String subject, int version) {
		return registered(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
	}

	@Override
	public RegisteredSchema getLatest(String subject) {
		return registered(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
	}

	@Override
	public List<String> getSubjects() {
		List<String> subjects = new ArrayList<>();
		send("GET", "/subjects", null).forEach((node) -> subjects.add(node.asString()));
		return subjects;
	}

	@Override
	public List<Integer> getVersions(String subject) {
		return integers(send("GET", "/subjects/" + encode(subject) + "/versions", null));
	}

	@Override
	public boolean isCompatible(String subject, Schema schema) {
		return send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaRequest(schema))
			.path("is_compatible")
			.asBoolean();
	}

	@Override
	public List<String> incompatibilities(String subject, Schema schema) {
		JsonNode answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
				schemaRequest(schema));
		if (answer.path("is_compatible").asBoolean()) {
			return List.of();
		}
		List<String> messages = new ArrayList<>();
		answer.path("messages").forEach((message) -> messages.add(message.asString()));
		return messages.isEmpty() ? List.of("incompatible with the subject's compatibility level") : messages;
	}

	@Override
	public void setCompatibility(String subject, String level) {
		ObjectNode body = JSON.createObjectNode().put("compatibility", level);
		send("PUT", "/config/" + encode(subject), body);
	}

	@Override
	public List<Integer> deleteSubject(String subject, boolean permanent) {
		this.registrations.keySet().removeIf((key) -> key.subject().equals(subject));
		this.registeredIds.keySet().removeIf((key) -> key.subject().equals(subject));
		return integers(send("DELETE", "/subjects/" + encode(subject) + "?permanent=" + permanent, null));
	}

	private static ObjectNode schemaRequest(Schema schema) {
		return JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString());
	}

	private static RegisteredSchema registered(JsonNode node) {
		return new RegisteredSchema(node.path("subject").asString(), node.path("version").asInt(),
				node.path("id").asInt(), parse(node.path("schema").asString()));
	}

	private static List<Integer> integers(JsonNode array) {
		List<Integer> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asInt()));
		return values;
	}

	private static Schema parse(String schema) {
		try {
			return new Schema.Parser().parse(schema);
		}
		catch (SchemaParseException ex) {
			throw new SchemaRegistryException(
					"The registry returned a schema that is not valid Avro: " + ex.getMessage(), ex);
		}
	}

	private static String encode(String pathSegment) {
		return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private JsonNode send(String method, String path, JsonNode body) {
		SchemaRegistryException unreachable = null;
		for (URI base : this.baseUris) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(this.timeout)
				.header("Accept", CONTENT_TYPE)
				.method(method, (body != null) ? BodyPublishers.ofString(body.toString()) : BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", CONTENT_TYPE);
			}
			if (this.authorization != null) {
				request.header("Authorization", this.authorization);
			}
			try {
				HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
				return answer(method, base + path, response);
			}
			catch (IOException ex) {
				unreachable = new SchemaRegistryException(
						"Could not reach the schema registry at " + base + " (" + method + " " + path + "): " + ex, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SchemaRegistryException("Interrupted while calling the schema registry at " + base, ex);
			}
		}
		throw unreachable;
	}

	private static JsonNode answer(String method, String url, HttpResponse<String> response) {
		JsonNode json;
		try {
			json = response.body().isEmpty() ? JSON.getNodeFactory().nullNode() : JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new SchemaRegistryException(
					"The schema registry answered " + method + " " + url + " with status " + response.statusCode()
							+ " and a body that is not JSON: " + abbreviate(response.body()),
					response.statusCode(), response.statusCode());
		}
		if (response.statusCode() / 100 == 2) {
			return json;
		}
		int errorCode = json.path("error_code").asInt(response.statusCode());
		String message = json.path("message").asString(abbreviate(response.body()));
		throw new SchemaRegistryException("Schema registry refused " + method + " " + url + ": " + message + " (status "
				+ response.statusCode() + ", error_code " + errorCode + ")", response.statusCode(), errorCode);
	}

	private static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "...";
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

}
