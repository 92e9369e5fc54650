package dev.newsroom.notifier.dispatch;

import java.util.function.Supplier;

import dev.newsroom.events.notification.Delivery;

/**
 * Puts a delivery's call to its platform in the trace of the change that made it (its
 * {@code traceParent}), so that the call's span and its log lines carry the trace id of
 * the editor's request.
 */
@FunctionalInterface
public interface DeliveryTracing {

	/** No tracing: the call as it is. */
	DeliveryTracing NONE = (delivery, call) -> call.get();

	/**
	 * @param delivery the delivery being attempted
	 * @param call the call to the platform, and the outcome it leads to
	 * @return the outcome
	 */
	Delivery within(Delivery delivery, Supplier<Delivery> call);

}
