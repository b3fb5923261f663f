package vn.giaoban.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser without a screen, over real HTTP to a running console: cookies kept, the sign-in form's CSRF
 * token sent back. For the tests and the benchmark that talk to {@code giaoban serve} as a browser does.
 */
public final class ConsoleClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

    public ConsoleClient(int port) {
        this.port = port;
    }

    /** Waits until the console answers its sign-in page; fails when {@code serve} ended or the time ran out. */
    public void awaitUp(Process serve, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!serve.isAlive()) {
                throw new IllegalStateException("giaoban serve ended with " + serve.exitValue());
            }
            try {
                if (client.send(request("/dang-nhap").GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("giaoban serve did not answer within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    /** Signs in through the form; fails when the console sends the person back to it. */
    public void signIn(String username, String password) throws Exception {
        Matcher token = TOKEN.matcher(get("/dang-nhap").body());
        if (!token.find()) {
            throw new IllegalStateException("no _csrf field on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(request("/dang-nhap").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signedIn.uri().getPath().startsWith("/dang-nhap")) {
            throw new IllegalStateException("sign-in refused: " + signedIn.uri());
        }
    }

    /** A page that must answer 200. */
    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = send(request(path).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response;
    }

    /** Any request, its answer whatever its status. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(2));
    }
}
