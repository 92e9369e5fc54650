package dev.newsroom.notifier.channels.x;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signer reproduces the worked example of X's "Creating a signature" guide.
 */
class OAuth1SignerTests {

	private final OAuth1Signer signer = new OAuth1Signer("xvz1evFS4wEEPTGEFPHBog",
			"kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
			"LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

	@Test
	void signatureMatchesXsDocumentedExample() {
		Map<String, String> oauth = Map.of("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog", "oauth_nonce",
				"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "oauth_signature_method", "HMAC-SHA1", "oauth_timestamp",
				"1318622958", "oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "oauth_version",
				"1.0");
		Map<String, String> parameters = Map.of("include_entities", "true", "status",
				"Hello Ladies + Gentlemen, a signed OAuth request!");

		assertThat(this.signer.signature("POST", URI.create("https://api.twitter.com/1.1/statuses/update.json"),
				parameters, oauth))
			.isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
	}

	@Test
	void headerCarriesEveryOauthValueEncoded() {
		String header = this.signer.authorization("POST", URI.create("https://api.x.com/2/tweets"), Map.of(),
				1318622958, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");

		assertThat(header).startsWith("OAuth ")
			.contains("oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\"")
			.contains("oauth_signature_method=\"HMAC-SHA1\"")
			.contains("oauth_timestamp=\"1318622958\"")
			.containsPattern("oauth_signature=\"[A-Za-z0-9%]+\"");
	}

}
