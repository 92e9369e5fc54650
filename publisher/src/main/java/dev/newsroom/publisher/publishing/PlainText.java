package dev.newsroom.publisher.publishing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A line of plain text shown to readers, such as a title: no control characters (also no
 * CR or LF), no bidirectional overrides or isolates that could reorder what readers see,
 * and not blank once white space and invisible characters are stripped. {@code null} is
 * valid; combine with {@code @NotNull} where needed.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/**
	 * @return the message
	 */
	String message() default "must be one line of plain text: no control characters, line breaks or "
			+ "bidirectional overrides, and not blank";

	/**
	 * @return the groups
	 */
	Class<?>[] groups() default {};

	/**
	 * @return the payload
	 */
	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link PlainText}.
	 */
	class Validator implements ConstraintValidator<PlainText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			boolean visible = false;
			for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
				int c = value.codePointAt(i);
				if (Character.getType(c) == Character.CONTROL || isBidiControl(c) || c == 0x2028 || c == 0x2029) {
					return false;
				}
				visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c);
			}
			return visible;
		}

		private static boolean isBidiControl(int c) {
			return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
		}

		private static boolean isInvisible(int c) {
			return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x200E
					|| c == 0x200F;
		}

	}

}
