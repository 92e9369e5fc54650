package dev.newsroom.publisher.security;

public enum Role {

	WRITER, EDITOR, ADMIN

}
