package dev.newsroom.schemas.serde;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import dev.newsroom.schemas.registry.HttpSchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryClient;

/**
 * Settings of the Avro serdes, read from the Kafka client configuration under the same
 * keys as Confluent's serdes, so that existing configuration carries over.
 *
 * @param registryUrls the registry base URLs ({@value #SCHEMA_REGISTRY_URL}, comma
 * separated)
 * @param autoRegisterSchemas whether the serializer registers the record's schema
 * ({@value #AUTO_REGISTER_SCHEMAS}, default {@code true}); when {@code false} it must
 * have been registered beforehand
 * @param basicAuthUserInfo {@code user:password} for the registry
 * ({@value #BASIC_AUTH_USER_INFO}), or {@code null} if it is missing or blank; taken from
 * there because {@value #BASIC_AUTH_CREDENTIALS_SOURCE} is missing or
 * {@value #USER_INFO}, the only source these serdes support
 * @param requestTimeout how long one registry request may take
 * ({@value #REQUEST_TIMEOUT_MS}, default 30 s)
 */
public record AvroSerdeConfig(List<String> registryUrls, boolean autoRegisterSchemas, String basicAuthUserInfo,
		Duration requestTimeout) {

	/** Comma-separated base URLs of the schema registry. */
	public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

	/** Whether the serializer registers schemas it has not seen. */
	public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

	/** {@code user:password} for HTTP basic authentication against the registry. */
	public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

	/**
	 * Where the credentials for the registry come from; only {@value #USER_INFO} is
	 * supported.
	 */
	public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

	/** The credentials source that reads {@value #BASIC_AUTH_USER_INFO}. */
	public static final String USER_INFO = "USER_INFO";

	/** Timeout of one registry request, in milliseconds. */
	public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

	/** Class name of the generated type that record values are read into. */
	public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

	/** Class name of the generated type that record keys are read into. */
	public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

	/**
	 * Reads the settings from a Kafka client configuration.
	 * @param configs the configuration passed to {@code configure}
	 * @return the settings
	 * @throws ConfigException if the registry URL is missing or a value has the wrong
	 * type
	 */
	public static AvroSerdeConfig from(Map<String, ?> configs) {
		Object url = configs.get(SCHEMA_REGISTRY_URL);
		List<String> urls = (url == null) ? List.of()
				: Arrays.stream(url.toString().split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
		if (urls.isEmpty()) {
			throw new ConfigException("Missing " + SCHEMA_REGISTRY_URL
					+ ": set it in the Kafka client properties to the schema registry's URL, "
					+ "for example http://localhost:8081");
		}
		return new AvroSerdeConfig(urls, bool(configs, AUTO_REGISTER_SCHEMAS, true), userInfo(configs),
				Duration.ofMillis(number(configs, REQUEST_TIMEOUT_MS, 30_000)));
	}

	/**
	 * Leaves the password out, so that logging the settings does not log it.
	 */
	@Override
	public String toString() {
		return "AvroSerdeConfig[registryUrls=" + this.registryUrls + ", autoRegisterSchemas=" + this.autoRegisterSchemas
				+ ", basicAuthUserInfo=" + ((this.basicAuthUserInfo != null) ? "(set)" : null) + ", requestTimeout="
				+ this.requestTimeout + "]";
	}

	/**
	 * @return a registry client for these settings
	 */
	public SchemaRegistryClient createClient() {
		return new HttpSchemaRegistryClient(this.registryUrls, this.basicAuthUserInfo, this.requestTimeout);
	}

	/**
	 * Reads the type that a deserializer reads into, if one is configured.
	 * @param <T> the record type
	 * @param configs the configuration passed to {@code configure}
	 * @param isKey whether the deserializer is for keys
	 * @return the configured class, or {@code null} to read into the class named by the
	 * writer schema
	 * @throws ConfigException if the class is missing or not a specific record
	 */
	@SuppressWarnings("unchecked")
	static <T extends SpecificRecord> Class<? extends T> specificType(Map<String, ?> configs, boolean isKey) {
		String key = isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE;
		Object value = configs.get(key);
		if (value == null) {
			return null;
		}
		Class<?> type;
		try {
			type = (value instanceof Class<?> c) ? c
					: Class.forName(value.toString().trim(), true, Thread.currentThread().getContextClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new ConfigException(key, value, "No such class on the classpath");
		}
		if (!SpecificRecord.class.isAssignableFrom(type)) {
			throw new ConfigException(key, value, "Not a class generated from an Avro schema (SpecificRecord)");
		}
		return (Class<? extends T>) type;
	}

	private static String userInfo(Map<String, ?> configs) {
		Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
		if (source != null && !source.toString().trim().equalsIgnoreCase(USER_INFO)) {
			throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
					"Not supported: these serdes read the registry's credentials only from " + BASIC_AUTH_USER_INFO
							+ ". Set " + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + USER_INFO
							+ " (or leave it out) and put user:password in " + BASIC_AUTH_USER_INFO);
		}
		Object value = configs.get(BASIC_AUTH_USER_INFO);
		String userInfo = (value instanceof Password password) ? password.value()
				: (value != null) ? value.toString() : null;
		if (userInfo == null || userInfo.isBlank()) {
			return null;
		}
		if (!userInfo.contains(":")) {
			// Not ConfigException(name, value, message), which would quote the password.
			throw new ConfigException(BASIC_AUTH_USER_INFO + " must be user:password, with a ':' between the "
					+ "registry user's name and password; leave it empty to send no credentials");
		}
		return userInfo;
	}

	private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
		Object value = configs.get(key);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		String text = value.toString().trim();
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(text);
		}
		throw new ConfigException(key, value, "Expected true or false");
	}

	private static long number(Map<String, ?> configs, String key, long defaultValue) {
		Object value = configs.get(key);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Number n) {
			return n.longValue();
		}
		try {
			return Long.parseLong(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new ConfigException(key, value, "Expected a whole number of milliseconds");
		}
	}

}
