package dev.newsroom.schemas.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The registry credentials are read under Confluent's keys, and a setting that would not
 * send them as meant is refused at {@code configure()}, without quoting the password.
 */
class AvroSerdeConfigTests {

	@Test
	void userInfoIsReadFromItsKeyWithOrWithoutTheUserInfoCredentialsSource() {
		assertThat(config(Map.of(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "services:s3cret")).basicAuthUserInfo())
			.isEqualTo("services:s3cret");
		assertThat(config(Map.of(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
				AvroSerdeConfig.BASIC_AUTH_USER_INFO, "services:s3cret"))
			.basicAuthUserInfo()).isEqualTo("services:s3cret");
		assertThat(config(Map.of(AvroSerdeConfig.BASIC_AUTH_USER_INFO, new Password("services:s3cret")))
			.basicAuthUserInfo()).as("Kafka's password type").isEqualTo("services:s3cret");
	}

	@Test
	void missingOrBlankUserInfoMeansNoCredentials() {
		assertThat(config(Map.of()).basicAuthUserInfo()).isNull();
		assertThat(config(Map.of(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "")).basicAuthUserInfo()).isNull();
		assertThat(config(Map.of(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "  ")).basicAuthUserInfo()).isNull();
	}

	@Test
	void anotherCredentialsSourceIsRefusedSayingWhatToSet() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> config(Map.of(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT",
					AvroSerdeConfig.BASIC_AUTH_USER_INFO, "services:s3cret")))
			.withMessageContaining("basic.auth.credentials.source")
			.withMessageContaining("SASL_INHERIT")
			.withMessageContaining("basic.auth.credentials.source=USER_INFO")
			.withMessageContaining("basic.auth.user.info");
	}

	@Test
	void userInfoWithoutAColonIsRefusedWithoutQuotingIt() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> config(Map.of(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "just-a-s3cret")))
			.withMessageContaining("basic.auth.user.info must be user:password")
			.withMessageNotContaining("just-a-s3cret");
	}

	@Test
	void theSettingsPrintWithoutThePassword() {
		AvroSerdeConfig config = config(Map.of(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "services:s3cret"));
		assertThat(config.toString()).contains("http://localhost:8081").doesNotContain("s3cret");
	}

	@Test
	void theSerializerRefusesAnUnsupportedCredentialsSourceAtConfigure() {
		SpecificAvroSerializer<?> serializer = new SpecificAvroSerializer<>();
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081",
					AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL"), false))
			.withMessageContaining("basic.auth.credentials.source");
	}

	private static AvroSerdeConfig config(Map<String, Object> settings) {
		Map<String, Object> configs = new HashMap<>(settings);
		configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081");
		return AvroSerdeConfig.from(configs);
	}

}
