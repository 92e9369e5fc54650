package dev.newsroom.viewcounter.queries;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Where other instances reach this one for counts: its advertised host and the port its
 * web server actually listens on, set as the streams application's
 * {@code application.server} once the server has started and before the streams
 * application starts (the web server starts in an earlier lifecycle phase).
 */
final class AdvertisedServer implements ApplicationListener<WebServerInitializedEvent> {

	private final String host;

	private final StreamsBuilderFactoryBean streams;

	private volatile @Nullable HostInfo self;

	AdvertisedServer(String host, StreamsBuilderFactoryBean streams) {
		this.host = host;
		this.streams = streams;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			return;
		}
		HostInfo server = new HostInfo(this.host, event.getWebServer().getPort());
		Properties config = this.streams.getStreamsConfiguration();
		if (config != null) {
			config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server.host() + ":" + server.port());
			this.streams.setStreamsConfiguration(config);
		}
		this.self = server;
	}

	/**
	 * @return this instance, once its web server has started
	 * @throws CountsNotReadyException before that
	 */
	HostInfo self() {
		HostInfo server = this.self;
		if (server == null) {
			throw new CountsNotReadyException("STARTING");
		}
		return server;
	}

}
