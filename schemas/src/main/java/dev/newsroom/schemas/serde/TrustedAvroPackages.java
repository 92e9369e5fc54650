package dev.newsroom.schemas.serde;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro load Newsroom's generated classes. Since 1.12, Avro refuses to instantiate
 * classes outside a list of trusted packages; the serdes call
 * {@link #trustNewsroomEvents()} so that no application or test has to set
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}.
 */
public final class TrustedAvroPackages {

	/** Package of the classes generated from Newsroom's schemas. */
	public static final String EVENTS_PACKAGE = "dev.newsroom.events.";

	private static final AtomicBoolean TRUSTED = new AtomicBoolean();

	private TrustedAvroPackages() {
	}

	/**
	 * Adds Newsroom's event package to the packages Avro trusts, keeping whatever was
	 * trusted before. Safe to call more than once.
	 */
	public static void trustNewsroomEvents() {
		if (TRUSTED.compareAndSet(false, true)) {
			ClassSecurityValidator.ClassSecurityPredicate newsroom = (type) -> type.getName()
				.startsWith(EVENTS_PACKAGE);
			ClassSecurityValidator
				.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), newsroom));
		}
	}

}
