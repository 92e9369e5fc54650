package dev.newsroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher's API as benchmarks use it: sign in once for a bearer token (HTTP Basic
 * on every publish would cost a bcrypt each time), then publish articles without waiting
 * for the answers. Every article of a run has a slug of its own, and every publish an
 * idempotency key of its own, so that none is refused as a duplicate.
 */
final class PublisherClient {

	/** How long a request may take before it fails with {@code HttpTimeoutException}. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	static final String EDITION = "en";

	static final String SECTION = "bench";

	private static final String BODY = "<p>"
			+ "Benchmark body text, written to give the article a realistic size. ".repeat(30) + "</p>";

	private static final int EXCERPT_LENGTH = 300;

	private final HttpClient http;

	private final URI articles;

	private final String token;

	private final String runId;

	private final AtomicReference<String> firstOtherAnswer = new AtomicReference<>();

	private PublisherClient(HttpClient http, URI url, String token, String runId) {
		this.http = http;
		this.articles = URI.create(url + "/api/articles");
		this.token = token;
		this.runId = runId;
	}

	/**
	 * Signs in with {@code POST /api/tokens} and HTTP Basic credentials.
	 * @param http the client to send every request with
	 * @param url the publisher's base URL, such as {@code http://localhost:8082}
	 * @param user the user name
	 * @param password the password
	 * @return a client that publishes with the token it got
	 * @throws BenchmarkException if the publisher does not answer, or answers other than
	 * {@code 201} with a token
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	static PublisherClient signIn(HttpClient http, URI url, String user, String password) throws InterruptedException {
		URI tokens = URI.create(url + "/api/tokens");
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(tokens)
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.POST(BodyPublishers.noBody())
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchmarkException(
					"Sign-in failed: POST " + tokens + " got no answer (" + ex.getClass().getSimpleName()
							+ "). Start the stack with ./run-local, " + "or give the publisher's URL with --url=.");
		}
		if (response.statusCode() != 201) {
			throw new BenchmarkException("Sign-in failed: POST " + tokens + " as " + user + " answered "
					+ response.statusCode() + ", not 201." + hint(response.statusCode()) + " The answer was: "
					+ excerpt(response.body()));
		}
		String token = tokenIn(response.body())
			.orElseThrow(() -> new BenchmarkException("Sign-in answered 201, but its body has no \"token\" string: "
					+ excerpt(response.body()) + ". Is " + url + " a Newsroom publisher?"));
		return new PublisherClient(http, url, token, Long.toString(System.currentTimeMillis(), 36));
	}

	/**
	 * Signs in as the options say: {@code --url=}, {@code --user=} and
	 * {@code --password=}, or the password in {@code NEWSROOM_PASSWORD}.
	 * @param options the benchmark's options, which must allow those three
	 * @param urlOption the option that names the publisher's URL
	 * @param environment the environment variables
	 * @param http the client to send every request with
	 * @return a client that publishes with the token it got
	 * @throws BenchmarkException if there is no password or the sign-in fails
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	static PublisherClient signIn(BenchmarkOptions options, String urlOption, Map<String, String> environment,
			HttpClient http) throws InterruptedException {
		URI url = options.httpUrl(urlOption, PublishLatencyBenchmark.DEFAULT_URL);
		String user = options.string("user", PublishLatencyBenchmark.DEFAULT_USER);
		String password = options.string("password")
			.or(() -> Optional.ofNullable(environment.get(PublishLatencyBenchmark.PASSWORD_VARIABLE))
				.filter((value) -> !value.isEmpty()))
			.orElseThrow(() -> new BenchmarkException(
					"No password: give --password=… or set " + PublishLatencyBenchmark.PASSWORD_VARIABLE
							+ ". ./run-local prints the admin's first password when it starts."));
		return signIn(http, url, user, password);
	}

	private static String hint(int status) {
		return switch (status) {
			case 401 -> " Check --user and --password (or NEWSROOM_PASSWORD); ./run-local prints the admin's"
					+ " first password when it starts.";
			case 404 -> " Check that --url is the publisher's, such as http://localhost:8082.";
			default -> "";
		};
	}

	private static Optional<String> tokenIn(String body) {
		try {
			JsonNode token = JsonMapper.shared().readTree(body).path("token");
			return (token.isString() && !token.stringValue().isBlank()) ? Optional.of(token.stringValue())
					: Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Publishes article {@code n} of this run, without waiting for the answer.
	 * @param n the article's number in this run
	 * @return the answer's status, such as {@code "201"}
	 */
	CompletableFuture<String> publish(long n) {
		return this.http.sendAsync(publishRequest(n), BodyHandlers.ofString()).thenApply(this::outcome);
	}

	/**
	 * Publishes article {@code n} of this run and waits for the answer, for benchmarks
	 * that need articles to exist before they start.
	 * @param n the article's number in this run
	 * @return the article's id
	 * @throws BenchmarkException if the answer is not {@code 201} with the article's id
	 * @throws InterruptedException if interrupted while waiting
	 */
	String publishAndWait(long n) throws InterruptedException {
		HttpResponse<String> response;
		try {
			response = this.http.send(publishRequest(n), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchmarkException("Publishing article " + n + " got no answer from " + this.articles + " ("
					+ ex.getClass().getSimpleName() + ")");
		}
		Optional<String> id = Optional.empty();
		if (response.statusCode() == 201) {
			try {
				id = Optional.ofNullable(JsonMapper.shared().readTree(response.body()).path("id").asString(null));
			}
			catch (JacksonException ex) {
				id = Optional.empty();
			}
		}
		return id.orElseThrow(() -> new BenchmarkException("Publishing article " + n + " answered "
				+ response.statusCode() + " without an article id: " + excerpt(response.body())));
	}

	private HttpRequest publishRequest(long n) {
		return HttpRequest.newBuilder(this.articles)
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(article(n))))
			.build();
	}

	Article article(long n) {
		return new Article(EDITION, SECTION, "bench-" + this.runId + "-" + n, "Benchmark article " + n, "A lead.", BODY,
				List.of(new Byline("Bench")), List.of("bench"));
	}

	private String outcome(HttpResponse<String> response) {
		if (response.statusCode() != 201) {
			this.firstOtherAnswer.compareAndSet(null, response.statusCode() + " " + excerpt(response.body()));
		}
		return Integer.toString(response.statusCode());
	}

	URI articlesUrl() {
		return this.articles;
	}

	/**
	 * The first answer to a publish that was not {@code 201}, which usually says why.
	 * @return its status and the start of its body, or empty if every answer was 201
	 */
	Optional<String> firstOtherAnswer() {
		return Optional.ofNullable(this.firstOtherAnswer.get());
	}

	private static String excerpt(String body) {
		String line = body.replaceAll("\\s+", " ").strip();
		return line.isEmpty() ? "(empty)"
				: (line.length() <= EXCERPT_LENGTH) ? line : line.substring(0, EXCERPT_LENGTH) + "…";
	}

	/**
	 * The body of {@code POST /api/articles}, as far as benchmarks fill it in.
	 */
	record Article(String edition, String section, String slug, String title, String lead, String body,
			List<Byline> authors, List<String> tags) {
	}

	record Byline(String name) {
	}

}
