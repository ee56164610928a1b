package dev.lovedcrm.crm.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on the loopback standing in for Stripe: it records every request (method, path, form
 * parameters, headers) and answers with the JSON a test scripted for the path, shaped like Stripe's API.
 */
final class FakeStripe implements AutoCloseable {

    /** One recorded request. */
    record Request(String method, String path, Map<String, String> form, String idempotencyKey, String authorization) {
    }

    /** A scripted answer. */
    record Answer(int status, String json, long delayMillis) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Answer>> answers = new LinkedHashMap<>();

    FakeStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} with these answers in turn, the last one repeated. */
    synchronized FakeStripe on(String method, String path, Answer... scripted) {
        answers.put(method + " " + path, new CopyOnWriteArrayList<>(List.of(scripted)));
        return this;
    }

    static Answer ok(String json) {
        return new Answer(200, json, 0);
    }

    static Answer status(int status, String json) {
        return new Answer(status, json, 0);
    }

    static Answer slow(long millis, String json) {
        return new Answer(200, json, millis);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> form = parse(body.isEmpty() && query != null ? query : body);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(method, path, form, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = next(method + " " + path);
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Request-Id", "req_test");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (read timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    private synchronized Answer next(String key) {
        List<Answer> scripted = answers.get(key);
        if (scripted == null || scripted.isEmpty()) {
            return new Answer(404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no route " + key + "\"}}", 0);
        }
        return scripted.size() > 1 ? scripted.remove(0) : scripted.get(0);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return values;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
