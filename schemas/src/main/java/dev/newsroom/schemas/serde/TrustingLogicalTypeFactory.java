package dev.newsroom.schemas.serde;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Makes Avro trust Newsroom's generated classes as soon as Avro itself starts, in any JVM
 * that has this library: Avro loads every {@link LogicalTypes.LogicalTypeFactory} listed
 * in {@code META-INF/services} when its logical types are first used, which the generated
 * classes do while they initialise (their timestamps are logical types). So building an
 * event, copying it or reading one needs no setup, in applications and tests alike. The
 * logical type it registers is never used by a schema.
 */
public final class TrustingLogicalTypeFactory implements LogicalTypes.LogicalTypeFactory {

	/** The name of the (unused) logical type. */
	static final String TYPE_NAME = "newsroom-trusted-packages";

	/**
	 * Called by Avro's service loader.
	 */
	public TrustingLogicalTypeFactory() {
		TrustedAvroPackages.trustNewsroomEvents();
	}

	@Override
	public LogicalType fromSchema(Schema schema) {
		return new LogicalType(TYPE_NAME);
	}

	@Override
	public String getTypeName() {
		return TYPE_NAME;
	}

}
