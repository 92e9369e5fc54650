package dev.newsroom.support.kafka;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service says when its first contact with the brokers fails, found in the
 * failure's causes as the Kafka client and the JDK nest them.
 */
class DeclaredTopicsTests {

	private static final String SERVERS = "kafka-1:9093";

	@Test
	void refusedCredentialsPointAtTheJaasConfig() {
		assertThat(DeclaredTopics.whyNot(
				new IllegalStateException(new SaslAuthenticationException(
						"Authentication failed during authentication due to invalid credentials with SASL mechanism")),
				SERVERS))
			.startsWith("Kafka refused this service's credentials at kafka-1:9093")
			.contains("spring.kafka.properties.sasl.jaas.config");
	}

	@Test
	void anExpiredCertificateSaysSoAndNotThatTheTrustStoreLacksIt() {
		SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
		handshake.initCause(new CertPathValidatorException("validity check failed",
				new CertificateExpiredException("NotAfter: Fri Nov 27 12:32:47 UTC 2026")));
		assertThat(DeclaredTopics.whyNot(new SslAuthenticationException("SSL handshake failed", handshake), SERVERS))
			.isEqualTo("The TLS handshake with Kafka failed at kafka-1:9093: the brokers' certificate is not valid "
					+ "now (NotAfter: Fri Nov 27 12:32:47 UTC 2026). Renew the brokers' certificates, and check this "
					+ "machine's clock.");
	}

	@Test
	void anUntrustedCertificatePointsAtTheTrustStore() {
		SSLHandshakeException handshake = new SSLHandshakeException(
				"PKIX path building failed: unable to find valid certification path to requested target");
		assertThat(DeclaredTopics.whyNot(new SslAuthenticationException("SSL handshake failed", handshake), SERVERS))
			.startsWith("The TLS handshake with Kafka failed at kafka-1:9093: PKIX path building failed")
			.contains("spring.kafka.ssl.trust-store-location");
	}

	@Test
	void anythingElseSaysToCheckThatKafkaIsReachable() {
		assertThat(DeclaredTopics.whyNot(new java.util.concurrent.TimeoutException(), SERVERS))
			.endsWith("Check that Kafka is reachable.");
	}

}
