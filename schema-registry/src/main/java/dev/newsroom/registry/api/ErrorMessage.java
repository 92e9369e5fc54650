package dev.newsroom.registry.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Confluent's error body.
 *
 * @param errorCode the status code, or a more precise five-digit code such as 40401
 * @param message what went wrong and what to do
 */
@JsonPropertyOrder({ "error_code", "message" })
record ErrorMessage(@JsonProperty("error_code") int errorCode, String message) {

}
