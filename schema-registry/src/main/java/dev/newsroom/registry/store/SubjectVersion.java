package dev.newsroom.registry.store;

/**
 * A version of a subject, as listed by {@code GET /schemas/ids/{id}/versions}.
 *
 * @param subject the subject
 * @param version the version number
 */
public record SubjectVersion(String subject, int version) {

}
