package dev.newsroom.support.web;

/**
 * One invalid field of a request, as listed under {@code errors} in a problem detail.
 *
 * @param field the JSON path of the field, such as {@code heroImage.url}
 * @param message what is wrong with it and what is expected
 */
public record FieldError(String field, String message) {
}
