package dev.newsroom.feeds.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import dev.newsroom.events.article.ArticleEvent;
import dev.newsroom.events.article.ArticleEventType;
import dev.newsroom.feeds.ArticleChanges;
import dev.newsroom.feeds.RunningFeeds;

import static dev.newsroom.feeds.ArticleChanges.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a client costs the stream: a client that stops reading is disconnected once its
 * backlog (64 events here) is full, without slowing the others, and idle clients hold
 * little memory each.
 */
class StreamLimitsIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static RunningFeeds feeds;

	private static ArticleChanges changes;

	private static int port;

	@BeforeAll
	static void startFeeds() {
		ArticleChanges.createTopics();
		changes = new ArticleChanges();
		feeds = RunningFeeds.start("--newsroom.feeds.editions=en", "--newsroom.feeds.stream.client-backlog=64");
		port = feeds.port();
	}

	@AfterAll
	static void stopFeeds() {
		feeds.close();
		changes.close();
	}

	@Test
	void aClientThatStopsReadingIsDisconnectedAndTheOthersGetEveryEvent() throws IOException {
		String section = "slow-" + UUID.randomUUID();
		ChangeLogHead head = feeds.context().getBean(ChangeLogHead.class);
		int before = head.clientCount();
		WebClient web = WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
			.build();
		try (Socket stalled = connect(section, 4096)) {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(head.clientCount()).as("stalled").isEqualTo(before + 1));
			StreamClient reader = StreamClient.connect(web, path(section), null);
			await().atMost(WAIT).untilAsserted(() -> assertThat(head.clientCount()).isEqualTo(before + 2));
			// About 18 MB: more than the sockets' buffers and the stalled client's
			// backlog.
			String body = "<p>" + "x".repeat(30_000) + "</p>";
			for (int i = 0; i < 600; i++) {
				ArticleEvent published = event("slow-" + i + "-" + section, 1, "en", section,
						ArticleEventType.PUBLISHED);
				published.getArticle().setBody(body);
				changes.write(published);
			}
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(reader.ended()).as("the reading client was disconnected").isFalse();
				assertThat(reader.events().size()).as("events the reading client got").isEqualTo(600);
			});
			await().atMost(WAIT).untilAsserted(() -> assertThat(head.clientCount()).isEqualTo(before + 1));
			assertThat(feeds.context()
				.getBean(MeterRegistry.class)
				.get("newsroom.feeds.stream.disconnected")
				.tag("reason", "slow")
				.counter()
				.count()).isGreaterThanOrEqualTo(1);
			assertThat(readsToTheEnd(stalled)).as("the server closed the stalled client's connection").isTrue();
		}
	}

	@Test
	void aThousandIdleClientsHoldLittleMemoryAndLeaveNothingBehind() throws IOException {
		String section = "idle-" + UUID.randomUUID();
		ChangeLogHead head = feeds.context().getBean(ChangeLogHead.class);
		int before = head.clientCount();
		long heapBefore = heapAfterCollection();
		List<Socket> idle = new ArrayList<>();
		try {
			for (int i = 0; i < 1000; i++) {
				idle.add(connect(section, 0));
			}
			await().atMost(WAIT).until(() -> head.clientCount() == before + 1000);
			for (int i = 0; i < 10; i++) {
				changes.write(event("idle-" + i + "-" + section, 1, "en", section, ArticleEventType.PUBLISHED));
			}
			long perClient = (heapAfterCollection() - heapBefore) / 1000;
			// The test's own sockets are in this heap too; the stream's share is a
			// subscription, a backlog queue and Netty's channel.
			assertThat(perClient).as("heap bytes per idle client").isLessThan(40_000);
		}
		finally {
			for (Socket socket : idle) {
				socket.close();
			}
		}
		await().atMost(WAIT).until(() -> head.clientCount() == before);
	}

	private static Socket connect(String section, int receiveBuffer) throws IOException {
		Socket socket = new Socket();
		if (receiveBuffer > 0) {
			socket.setReceiveBufferSize(receiveBuffer);
		}
		socket.connect(new InetSocketAddress("localhost", port));
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + path(section) + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	private static String path(String section) {
		return "/v1/stream/articles?section=" + section;
	}

	/** Reads what the server had sent, and tells whether the connection then ended. */
	private static boolean readsToTheEnd(Socket socket) throws IOException {
		socket.setSoTimeout(10_000);
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[64 * 1024];
		try {
			while (in.read(buffer) >= 0) {
				// what was in flight before the server closed it
			}
			return true;
		}
		catch (SocketException reset) {
			return true;
		}
		catch (java.net.SocketTimeoutException stillOpen) {
			return false;
		}
	}

	private static long heapAfterCollection() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
