package dev.newsroom.schemas.check;

import org.apache.avro.Schema;

/**
 * Turns the location of an Avro incompatibility, a JSON pointer into the reader's schema
 * such as {@code /fields/4/type/fields/2/type}, into the dotted field path a person
 * recognises, such as {@code article.status}.
 */
final class FieldPaths {

	private FieldPaths() {
	}

	/**
	 * @param schema the schema the location points into
	 * @param location the location
	 * @return the field path, or the location itself where it names no field
	 */
	static String of(Schema schema, String location) {
		String[] steps = location.replaceFirst("^/", "").split("/");
		StringBuilder path = new StringBuilder();
		Schema current = schema;
		for (int i = 0; i < steps.length; i++) {
			String step = steps[i];
			if ("fields".equals(step) && i + 1 < steps.length && current.getType() == Schema.Type.RECORD) {
				Schema.Field field = current.getFields().get(Integer.parseInt(steps[++i]));
				path.append((path.length() > 0) ? "." : "").append(field.name());
				current = field.schema();
			}
			else if ("type".equals(step) || step.isEmpty()) {
				continue;
			}
			else if ("items".equals(step) && current.getType() == Schema.Type.ARRAY) {
				current = current.getElementType();
				path.append("[]");
			}
			else if ("values".equals(step) && current.getType() == Schema.Type.MAP) {
				current = current.getValueType();
				path.append("{}");
			}
			else if (current.getType() == Schema.Type.UNION && step.matches("\\d+")) {
				current = current.getTypes().get(Integer.parseInt(step));
			}
			else {
				break;
			}
		}
		return (path.length() > 0) ? path.toString() : location;
	}

}
