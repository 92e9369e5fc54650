package dev.newsroom.publisher.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * Starts the whole publisher on a random port without a Kafka broker, which sign-in does
 * not need: its admin client creates no topics, and nothing these tests do sends an
 * event. Adds the {@link EditorEchoController}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=localhost:9", "spring.kafka.admin.fail-fast=false",
				"spring.kafka.admin.auto-create=false",
				"spring.kafka.properties.schema.registry.url=http://localhost:9" })
@Import(EditorEchoController.class)
@interface PublisherWithoutBroker {

}
