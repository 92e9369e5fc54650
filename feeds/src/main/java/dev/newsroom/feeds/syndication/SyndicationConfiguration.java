package dev.newsroom.feeds.syndication;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feeds' and sitemaps' writers.
 */
@Configuration(proxyBeanMethods = false)
class SyndicationConfiguration {

	@Bean
	ArticleFeeds articleFeeds(SyndicationSettings settings) {
		return new ArticleFeeds(settings);
	}

	@Bean
	NewsSitemap newsSitemap(SyndicationSettings settings) {
		return new NewsSitemap(settings);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
