package dev.newsroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import dev.newsroom.bench.harness.BenchmarkException;
import dev.newsroom.bench.harness.BenchmarkOptions;
import dev.newsroom.bench.harness.JvmDescription;
import dev.newsroom.bench.harness.LoadReport;

import static dev.newsroom.bench.harness.Figures.number;

/**
 * The editors' stories list on a large catalogue: how long the console takes to answer a
 * page of it (which includes the publisher's search, the view counter's counts and the
 * notifier's deliveries of the page's 20 stories) for the first page, a search, a filter
 * and a page deep in the catalogue. Runs against a stack that is already running, such as
 * the one {@code ./run-local} starts; first publishes articles (section {@code bench})
 * until the catalogue has {@code --catalogue=} of them (10,000 by default).
 * <p>
 * Options: {@code --console=} (http://localhost:8086), {@code --url=} (the publisher,
 * http://localhost:8082), {@code --user=} (admin), {@code --password=} (or
 * {@code NEWSROOM_PASSWORD}), {@code --catalogue=} and {@code --requests=} (per kind of
 * page, 200). Requests are sent one after the other, as one editor clicks. Exits with 0
 * when every page answered 200, 1 when some did not, 2 when it could not run.
 */
public final class ConsoleListBenchmark {

	static final String DEFAULT_CONSOLE = "http://localhost:8086";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern TOTAL = Pattern.compile("([0-9]+) stor(?:y|ies)</p>");

	private static final int IN_FLIGHT = 16;

	private static final int WARMUP = 20;

	private ConsoleListBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err)
			throws InterruptedException {
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args, "console", "url", "user", "password", "catalogue",
					"requests");
			URI console = options.httpUrl("console", DEFAULT_CONSOLE);
			int catalogue = (int) options.positiveNumber("catalogue", 10_000);
			int requests = (int) options.positiveNumber("requests", 200);
			HttpClient http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(PublisherClient.REQUEST_TIMEOUT)
				.build();
			PublisherClient publisher = PublisherClient.signIn(options, "url", environment, http);
			String user = options.string("user", PublishLatencyBenchmark.DEFAULT_USER);
			String password = options.string("password")
				.orElseGet(() -> environment.get(PublishLatencyBenchmark.PASSWORD_VARIABLE));
			signIn(http, console, user, password);
			int total = total(get(http, console.resolve("/")).body());
			if (total < catalogue) {
				out.println("The catalogue has " + total + " stories; publishing " + (catalogue - total)
						+ " more (section " + PublisherClient.SECTION + ").");
				seed(publisher, catalogue - total);
				total = total(get(http, console.resolve("/")).body());
			}
			int lastPage = (total - 1) / 20;
			out.println("Stories list of " + console + " on a catalogue of " + total + " stories, " + requests
					+ " requests of each kind, one at a time after " + WARMUP + " to warm up:");
			Map<String, Kind> kinds = new LinkedHashMap<>();
			kinds.put("first page", (i) -> "/");
			kinds.put("search",
					(i) -> "/?q=" + URLEncoder.encode("Benchmark article " + (i * 37 % 5_000), StandardCharsets.UTF_8));
			kinds.put("filter", (i) -> "/?edition=en&state=" + ((i % 2 == 0) ? "published" : "draft"));
			kinds.put("deep page", (i) -> "/?page=" + (lastPage - (i % 10)));
			long failed = 0;
			for (Map.Entry<String, Kind> kind : kinds.entrySet()) {
				Histogram micros = new Histogram(3);
				Map<Integer, Long> statuses = new LinkedHashMap<>();
				for (int i = 0; i < WARMUP + requests; i++) {
					long start = System.nanoTime();
					HttpResponse<String> page = get(http, console.resolve(kind.getValue().path(i)));
					long took = (System.nanoTime() - start) / 1_000;
					if (i >= WARMUP) {
						micros.recordValue(took);
						statuses.merge(page.statusCode(), 1L, Long::sum);
					}
				}
				failed += statuses.entrySet()
					.stream()
					.filter((status) -> status.getKey() != 200)
					.mapToLong(Map.Entry::getValue)
					.sum();
				out.println(kind.getKey() + " (" + kind.getValue().path(0) + " …):");
				LoadReport.line(out, "answers", statuses.toString());
				LoadReport.printLatencies(out, "request sent to page read", micros);
			}
			LoadReport.printJvm(out, JvmDescription.current());
			out.println("(The console's own JVM flags are those ./run-local starts it with; see its banner.)");
			if (failed > 0) {
				out.println(number(failed) + " pages did not answer 200.");
				return 1;
			}
			return 0;
		}
		catch (BenchmarkException ex) {
			err.println(ex.getMessage());
			return 2;
		}
	}

	private static void signIn(HttpClient http, URI console, String user, String password) throws InterruptedException {
		HttpResponse<String> form = get(http, console.resolve("/signin"));
		Matcher csrf = CSRF.matcher(form.body());
		if (form.statusCode() != 200 || !csrf.find()) {
			throw new BenchmarkException("GET " + console.resolve("/signin") + " answered " + form.statusCode()
					+ " without a sign-in form. Is " + console + " the Newsroom console?");
		}
		String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = send(http,
				HttpRequest.newBuilder(console.resolve("/signin"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(BodyPublishers.ofString(body))
					.build());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new BenchmarkException("Signing in to the console as " + user + " was refused (" + location
					+ "). Check --user and --password.");
		}
	}

	private static void seed(PublisherClient publisher, int count) throws InterruptedException {
		List<CompletableFuture<String>> inFlight = new ArrayList<>();
		for (long n = 0; n < count; n++) {
			inFlight.add(publisher.publish(n));
			if (inFlight.size() == IN_FLIGHT || n == count - 1) {
				for (CompletableFuture<String> answer : inFlight) {
					String status = answer.join();
					if (!status.equals("201")) {
						throw new BenchmarkException("Publishing the catalogue was answered " + status
								+ publisher.firstOtherAnswer().map((other) -> ": " + other).orElse(""));
					}
				}
				inFlight.clear();
			}
		}
	}

	private static int total(String page) {
		Matcher total = TOTAL.matcher(page);
		if (!total.find()) {
			throw new BenchmarkException("The stories list does not say how many stories there are.");
		}
		return Integer.parseInt(total.group(1));
	}

	private static HttpResponse<String> get(HttpClient http, URI url) throws InterruptedException {
		return send(http, HttpRequest.newBuilder(url).timeout(PublisherClient.REQUEST_TIMEOUT).GET().build());
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws InterruptedException {
		try {
			return http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchmarkException(request.method() + " " + request.uri() + " got no answer ("
					+ ex.getClass().getSimpleName() + "). Is ./run-local up?");
		}
	}

	/** The path of the i-th request of a kind. */
	private interface Kind {

		String path(int i);

	}

}
