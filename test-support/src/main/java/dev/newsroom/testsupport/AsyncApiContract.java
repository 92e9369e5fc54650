package dev.newsroom.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics' AsyncAPI document ({@code schemas/src/main/asyncapi/asyncapi.yaml}, on the
 * classpath at {@value #LOCATION}), read as plain maps, and the check that a service
 * declares the topics it writes as the document says: name, partitions, cleanup policy
 * and every other setting the document gives.
 */
public final class AsyncApiContract {

	/** Where the schemas jar holds the document. */
	public static final String LOCATION = "META-INF/resources/asyncapi.yaml";

	private static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

	private final Map<String, Object> document;

	private AsyncApiContract(Map<String, Object> document) {
		this.document = document;
	}

	/**
	 * @return the document on the classpath
	 */
	public static AsyncApiContract load() {
		try (InputStream in = AsyncApiContract.class.getClassLoader().getResourceAsStream(LOCATION)) {
			Objects.requireNonNull(in, () -> "No " + LOCATION + " on the classpath: is the schemas jar there?");
			return parse(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + LOCATION, ex);
		}
	}

	/**
	 * @param in a document
	 * @return it, parsed
	 */
	public static AsyncApiContract parse(InputStream in) {
		return new AsyncApiContract(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
	}

	/**
	 * @return the whole document, as maps and lists
	 */
	public Map<String, Object> document() {
		return this.document;
	}

	/**
	 * @return the channels by their names in the document, in its order
	 */
	public Map<String, Channel> channels() {
		Map<String, Channel> channels = new LinkedHashMap<>();
		map(this.document, "channels").forEach((name, value) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> channel = (Map<String, Object>) value;
			Map<String, Object> kafka = map(map(channel, "bindings"), "kafka");
			Map<String, Object> configs = map(kafka, "topicConfiguration");
			Map<String, String> settings = new LinkedHashMap<>();
			configs.forEach((key, setting) -> settings.put(key, (setting instanceof List<?> list)
					? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(setting)));
			String minInsyncReplicas = settings.remove(MIN_INSYNC_REPLICAS);
			List<String> messages = new ArrayList<>();
			map(channel, "messages").values().forEach((message) -> {
				@SuppressWarnings("unchecked")
				String ref = String.valueOf(((Map<String, Object>) message).get("$ref"));
				messages.add(ref.substring(ref.lastIndexOf('/') + 1));
			});
			channels.put(name, new Channel(name, String.valueOf(channel.get("address")),
					String.valueOf(channel.get("x-newsroom-writer")), ((Number) kafka.get("partitions")).intValue(),
					(minInsyncReplicas != null) ? Integer.parseInt(minInsyncReplicas) : 0, settings, messages));
		});
		return channels;
	}

	/**
	 * @param address a topic's name
	 * @return its channel, if the document has one
	 */
	public Optional<Channel> channel(String address) {
		return channels().values().stream().filter((channel) -> channel.address().equals(address)).findFirst();
	}

	/**
	 * Checks a service's topic declarations against the document: every channel the
	 * document says the service writes is declared with the document's partitions and
	 * settings, and every public topic ({@code newsroom.*}, except the publisher's
	 * internal {@code newsroom.publisher-*}) the service declares is in the document,
	 * declared alike. The document's {@code min.insync.replicas} holds where the
	 * replication factor is larger; below that, a topic must have the replication factor
	 * less one, and at least 1.
	 * @param writer the service, as the document's {@code x-newsroom-writer} names it
	 * @param declared the service's topic declarations
	 * @param replicationFactor the replication factor of the service's topics
	 */
	public void assertDeclaredBy(String writer, Collection<NewTopic> declared, int replicationFactor) {
		Map<String, NewTopic> byName = new LinkedHashMap<>();
		declared.forEach((topic) -> byName.put(topic.name(), topic));
		for (Channel channel : channels().values()) {
			if (channel.writer().equals(writer)) {
				assertThat(byName)
					.as("%s declares topic %s, which the AsyncAPI document says it writes", writer, channel.address())
					.containsKey(channel.address());
			}
		}
		for (NewTopic topic : byName.values()) {
			if (!topic.name().startsWith("newsroom.") || topic.name().startsWith("newsroom.publisher-")) {
				continue;
			}
			Channel channel = channel(topic.name()).orElseThrow(() -> new AssertionError(writer + " declares topic "
					+ topic.name() + ", which is missing from the AsyncAPI document (" + LOCATION + ")"));
			assertThat(topic.numPartitions()).as("partitions of %s, declared by %s", topic.name(), writer)
				.isEqualTo(channel.partitions());
			Map<String, String> configs = (topic.configs() != null) ? topic.configs() : Map.of();
			channel.settings()
				.forEach((key, value) -> assertThat(configs.get(key))
					.as("%s of %s, declared by %s", key, topic.name(), writer)
					.isEqualTo(value));
			assertThat(configs.get(MIN_INSYNC_REPLICAS))
				.as("%s of %s, declared by %s with replication factor %d", MIN_INSYNC_REPLICAS, topic.name(), writer,
						replicationFactor)
				.isEqualTo(Integer.toString(Math.max(1, Math.min(channel.minInsyncReplicas(), replicationFactor - 1))));
		}
	}

	/**
	 * Checks the topics a service writes as they are on a broker: each exists with the
	 * document's partitions and settings. For services whose declarations are not beans
	 * of their own.
	 * @param writer the service, as the document's {@code x-newsroom-writer} names it
	 * @param admin a client of the broker the service created its topics on
	 * @throws Exception if the broker cannot be asked
	 */
	public void assertCreatedBy(String writer, Admin admin) throws Exception {
		List<String> written = channels().values()
			.stream()
			.filter((channel) -> channel.writer().equals(writer))
			.map(Channel::address)
			.toList();
		assertThat(written).as("channels the AsyncAPI document says %s writes", writer).isNotEmpty();
		Map<String, TopicDescription> topics = admin.describeTopics(written).allTopicNames().get();
		Map<ConfigResource, Config> configs = admin
			.describeConfigs(
					written.stream().map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
			.all()
			.get();
		List<NewTopic> created = new ArrayList<>();
		int replicationFactor = Integer.MAX_VALUE;
		for (String name : written) {
			Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
			Map<String, String> settings = new LinkedHashMap<>();
			config.entries().forEach((entry) -> settings.put(entry.name(), entry.value()));
			TopicDescription description = topics.get(name);
			short replicas = (short) description.partitions().get(0).replicas().size();
			replicationFactor = Math.min(replicationFactor, replicas);
			created.add(new NewTopic(name, description.partitions().size(), replicas).configs(settings));
		}
		assertDeclaredBy(writer, created, replicationFactor);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

	/**
	 * One channel of the document.
	 *
	 * @param name its name in the document
	 * @param address the topic
	 * @param writer the service that writes it ({@code x-newsroom-writer})
	 * @param partitions its partitions
	 * @param minInsyncReplicas its {@code min.insync.replicas} where the replication
	 * factor is larger, or 0 if the document gives none
	 * @param settings its other topic configuration ({@code cleanup.policy} and others),
	 * as Kafka writes them
	 * @param messages the names of its messages in {@code components.messages}
	 */
	public record Channel(String name, String address, String writer, int partitions, int minInsyncReplicas,
			Map<String, String> settings, List<String> messages) {
	}

}
