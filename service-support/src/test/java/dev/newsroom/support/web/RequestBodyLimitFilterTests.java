package dev.newsroom.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bodies over the limit are refused before anything binds them, whether they declare
 * their length or not.
 */
class RequestBodyLimitFilterTests {

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(16);

	@Test
	void declaredLengthOverTheLimitIsA413ProblemAndTheChainIsNotCalled() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/articles");
		request.setContent("x".repeat(17).getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("payload-too-large").contains("\"maxBytes\":16");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void bodyWithoutADeclaredLengthFailsAsSoonAsItPassesTheLimit() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/articles");
		request.setContent("x".repeat(40).getBytes(StandardCharsets.UTF_8));
		HttpServletRequest chunked = new HttpServletRequestWrapper(request) {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(chunked, new MockHttpServletResponse(), chain);

		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> chain.getRequest().getInputStream().readAllBytes())
			.satisfies((ex) -> assertThat(ex.maxBytes()).isEqualTo(16));
	}

	@Test
	void bodyWithinTheLimitIsReadWhole() throws IOException, jakarta.servlet.ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/articles");
		request.setContent("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.isEqualTo("{\"a\":1}");
	}

}
