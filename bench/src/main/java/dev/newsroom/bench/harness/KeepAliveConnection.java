package dev.newsroom.bench.harness;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection that sends a request, reads the whole answer and
 * returns its status: the least a load generator can do per request, so that a throughput
 * benchmark measures the server rather than the client. It reads bodies framed by
 * {@code Content-Length} or chunked, and opens the connection again when the server
 * closed it. Not thread-safe: one connection per load thread.
 */
public final class KeepAliveConnection implements Closeable {

	private static final int TIMEOUT_MILLIS = 10_000;

	private final InetSocketAddress address;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	/**
	 * @param host the server's host
	 * @param port its port
	 */
	public KeepAliveConnection(String host, int port) {
		this.address = new InetSocketAddress(host, port);
	}

	/**
	 * Sends a whole request (request line, headers and body, as bytes) and reads the
	 * answer.
	 * @param request the request's bytes
	 * @return the answer's status code
	 * @throws IOException if the server cannot be reached or answers other than HTTP/1.1
	 */
	public int send(byte[] request) throws IOException {
		if (this.socket == null) {
			connect();
		}
		this.out.write(request);
		this.out.flush();
		String statusLine = line();
		if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
			throw new IOException("Not an HTTP/1.1 answer from " + this.address + ": " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = (status == 204 || status == 304) ? 0 : -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0; size = Long
				.parseLong(line().split(";")[0].strip(), 16)) {
				skip(size);
				line();
			}
			for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
				// trailers are read and ignored
			}
		}
		else if (length > 0) {
			skip(length);
		}
		else if (length < 0) {
			close = true;
		}
		if (close) {
			disconnect();
		}
		return status;
	}

	private void connect() throws IOException {
		Socket connection = new Socket();
		connection.setTcpNoDelay(true);
		connection.setSoTimeout(TIMEOUT_MILLIS);
		connection.connect(this.address, TIMEOUT_MILLIS);
		this.socket = connection;
		this.in = new BufferedInputStream(connection.getInputStream(), 8192);
		this.out = connection.getOutputStream();
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new EOFException("The server at " + this.address + " closed the connection mid-answer");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private void skip(long bytes) throws IOException {
		for (long left = bytes; left > 0;) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new EOFException("The server at " + this.address + " closed the connection mid-body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	/**
	 * A request as bytes.
	 * @param method the method
	 * @param host the {@code Host} header's value
	 * @param path the path and query
	 * @param headers further headers, each {@code Name: value}
	 * @param body the body, sent with its {@code Content-Length}
	 * @return the bytes to send
	 */
	public static byte[] request(String method, String host, String path, List<String> headers, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(256).append(method)
			.append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: ")
			.append(host)
			.append("\r\n");
		headers.forEach((header) -> head.append(header).append("\r\n"));
		head.append((content.length > 0 || "POST".equals(method)) ? "Content-Length: " + content.length + "\r\n" : "")
			.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[headBytes.length + content.length];
		System.arraycopy(headBytes, 0, request, 0, headBytes.length);
		System.arraycopy(content, 0, request, headBytes.length, content.length);
		return request;
	}

	@Override
	public void close() {
		disconnect();
	}

	/**
	 * Closes the connection; the next request opens a new one.
	 */
	public void disconnect() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

}
