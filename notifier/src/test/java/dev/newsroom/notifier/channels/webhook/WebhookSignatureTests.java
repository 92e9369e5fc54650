package dev.newsroom.notifier.channels.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures match the Standard Webhooks reference implementations' test vector, so that
 * receivers' own libraries accept them.
 */
class WebhookSignatureTests {

	@Test
	void signatureMatchesTheStandardWebhooksTestVector() {
		WebhookSignature signature = new WebhookSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

		assertThat(signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

}
