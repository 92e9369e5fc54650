package dev.newsroom.notifier.dispatch;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import dev.newsroom.events.notification.Delivery;
import dev.newsroom.support.kafka.TraceParents;

/**
 * Each attempt is a span, {@code notifier deliver}, the child of the trace context the
 * delivery carries (a new trace if it carries none), tagged with the delivery's id and
 * channel. While the call runs the span is current, so the log lines of the call carry
 * its trace id.
 */
public class MicrometerDeliveryTracing implements DeliveryTracing {

	private final Tracer tracer;

	private final Propagator propagator;

	public MicrometerDeliveryTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public Delivery within(Delivery delivery, Supplier<Delivery> call) {
		String parent = delivery.getTraceParent();
		Span.Builder builder = (parent != null) ? this.propagator.extract(Map.of(TraceParents.HEADER, parent), Map::get)
				: this.tracer.spanBuilder();
		Span span = builder.name("notifier deliver")
			.tag("newsroom.delivery.id", delivery.getDeliveryId())
			.tag("newsroom.channel", delivery.getChannel())
			.tag("newsroom.delivery.action", delivery.getAction().name())
			.start();
		Tracer.SpanInScope scope = this.tracer.withSpan(span);
		try {
			Delivery outcome = call.get();
			span.tag("newsroom.delivery.state", outcome.getState().name());
			return outcome;
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			scope.close();
			span.end();
		}
	}

}
